use super::*;
use crate::udo::dossier::fixtures::dossier;

/// Thresholds the complete dossier stays below (its largest year is € 7.250.000,50, it affects
/// 354 governments).
fn high() -> CosignThresholds {
    CosignThresholds {
        yearly_consequence: Cents::new(1_000_000_000).unwrap(),
        governments_affected: 400,
    }
}

#[test]
fn below_the_thresholds_and_within_the_principles_no_flag() {
    let flag = cosign(&dossier(), high());
    assert!(!flag.raised(), "{flag:?}");
}

#[test]
fn mandatory_cooperation_raises_the_flag_with_its_reason() {
    let mut d = dossier();
    d.aspects.mandatory_cooperation = true;
    let flag = cosign(&d, high());
    assert!(flag.raised());
    assert_eq!(flag.reasons, [CosignReason::MandatoryCooperation]);
    assert_eq!(
        flag.reasons[0].message().dutch(),
        "Het voorstel verplicht overheden tot samenwerking."
    );
    assert!(CosignFlag::source().contains("verplichte bovengemeentelijke samenwerking"));
}

#[test]
fn a_deviation_from_the_principles_raises_the_flag() {
    let mut d = dossier();
    d.aspects.deviation_from_principles = Some("Financiering via een specifieke uitkering.".into());
    let flag = cosign(&d, high());
    assert_eq!(
        flag.reasons[0].message().dutch(),
        "Het voorstel wijkt af van de uitgangspunten voor decentralisatie: Financiering via een specifieke uitkering."
    );
}

#[test]
fn impact_at_a_threshold_raises_the_flag() {
    let at = CosignThresholds {
        yearly_consequence: Cents::new(725_000_050).unwrap(),
        governments_affected: 354,
    };
    let flag = cosign(&dossier(), at);
    assert_eq!(
        flag.reasons,
        [
            CosignReason::FinancialImpact {
                year: 2027,
                amount: at.yearly_consequence,
                threshold: at.yearly_consequence
            },
            CosignReason::GovernmentsAffected {
                count: 354,
                threshold: 354
            },
        ]
    );
    assert_eq!(
        flag.reasons[0].message().dutch(),
        "De financiële gevolgen in 2027 zijn € 7.250.000,50: niet minder dan de drempel van € 7.250.000,50."
    );
    assert_eq!(
        flag.reasons[1].message().dutch(),
        "Het voorstel raakt 354 overheden: niet minder dan de drempel van 354."
    );
    let just_above = CosignThresholds {
        yearly_consequence: Cents::new(725_000_051).unwrap(),
        governments_affected: 355,
    };
    assert!(!cosign(&dossier(), just_above).raised());
}

#[test]
fn only_legislation_touching_decentral_layers_is_co_signed() {
    let mut d = dossier();
    d.aspects.mandatory_cooperation = true;
    for (form, raised) in [
        (RegulationForm::Wet, true),
        (RegulationForm::Amvb, true),
        (RegulationForm::MinisterieleRegeling, false),
        (RegulationForm::Beleid, false),
    ] {
        d.form = form;
        assert_eq!(cosign(&d, high()).raised(), raised, "{form:?}");
    }
    d.form = RegulationForm::Wet;
    d.layers.clear();
    assert!(!cosign(&d, high()).raised());
}

#[test]
fn zero_thresholds_do_not_flag_a_proposal_without_impact() {
    let zero = CosignThresholds {
        yearly_consequence: Cents::ZERO,
        governments_affected: 0,
    };
    let mut d = dossier();
    d.financial = None;
    d.aspects.governments_affected = Some(0);
    assert!(!cosign(&d, zero).raised());
    assert_eq!(CosignThresholds::default().governments_affected, 100);
    assert_eq!(
        CosignThresholds::default().yearly_consequence,
        Cents::new(1_000_000_000).unwrap()
    );
}

//! Attachments through the store port, on whichever backend the run uses: a file comes back
//! byte for byte with its hash, a refused file stores nothing, files are listed per owner
//! and every file added is in the audit trail.

use samenspel_domain::attachment::{Attachment, AttachmentOwner, OwnerKind, sha256_hex};
use samenspel_domain::audit::Actor;

use crate::helpers::Harness;

fn owner(id: i64) -> AttachmentOwner {
    AttachmentOwner {
        kind: OwnerKind::Collaboration,
        id,
    }
}

fn pdf(text: &str) -> Vec<u8> {
    format!("%PDF-1.7\n{text}\n%%EOF\n").into_bytes()
}

#[tokio::test]
async fn a_file_comes_back_byte_for_byte_with_its_hash() {
    let h = Harness::start().await;
    let store = h.app.app.store();
    let mut bytes = b"\x89PNG\r\n\x1a\n".to_vec();
    bytes.extend((0..=255u8).cycle().take(70_000));
    let file = Attachment::check("../scans/kaart.png", bytes.clone()).unwrap();
    let id = store
        .put_attachment(owner(1), &file, &Actor::system("test"))
        .await
        .unwrap();

    let stored = store.get_attachment(id).await.unwrap().unwrap();
    assert_eq!(stored.bytes, bytes);
    assert_eq!(stored.info.sha256, sha256_hex(&bytes));
    assert_eq!(stored.info.name, "kaart.png");
    assert_eq!(stored.info.media_type, "image/png");
    assert_eq!(stored.info.size, 70_008);
    assert_eq!(stored.info.owner, owner(1));
    assert_eq!(stored.info.added_by, "test");
    assert!(store.get_attachment(id + 1).await.unwrap().is_none());
}

#[tokio::test]
async fn a_refused_file_stores_nothing() {
    let h = Harness::start().await;
    let before = h.fingerprint().await;
    let mut too_large = pdf("groot");
    too_large.resize(10 * 1024 * 1024 + 1, b' ');
    let refused = [
        (
            "setup.pdf",
            b"MZ\x90\0\x03\0\0\0\x04\0\0\0".to_vec(),
            "type_not_allowed",
        ),
        ("groot.pdf", too_large, "too_large"),
        ("leeg.pdf", Vec::new(), "empty"),
    ];
    for (name, bytes, code) in refused {
        let err = Attachment::check(name, bytes).unwrap_err();
        assert_eq!(err.errors[0].field, "bestand");
        assert_eq!(err.errors[0].code, code, "{name}");
    }
    assert_eq!(h.fingerprint().await, before);
    assert!(
        h.app
            .app
            .store()
            .list_attachments(owner(1))
            .await
            .unwrap()
            .is_empty()
    );
}

#[tokio::test]
async fn files_are_listed_per_owner_oldest_first_and_audited() {
    let h = Harness::start().await;
    let store = h.app.app.store();
    let id = h
        .create_collaboration("Regio Deal Bijlagen", &[("GM0363", "trekker")])
        .await;
    let actor = Actor::system("test");
    let first = Attachment::check("besluit.pdf", pdf("besluit")).unwrap();
    let second = Attachment::check("begroting.csv", b"jaar;bedrag\n2026;100\n".to_vec()).unwrap();
    let first_id = store.put_attachment(owner(id), &first, &actor).await.unwrap();
    let second_id = store.put_attachment(owner(id), &second, &actor).await.unwrap();
    store.put_attachment(owner(id + 1), &first, &actor).await.unwrap();

    let listed = store.list_attachments(owner(id)).await.unwrap();
    let names: Vec<_> = listed
        .iter()
        .map(|a| (a.id, a.name.as_str(), a.media_type.as_str()))
        .collect();
    assert_eq!(
        names,
        [
            (first_id, "besluit.pdf", "application/pdf"),
            (second_id, "begroting.csv", "text/plain; charset=utf-8"),
        ]
    );
    assert_eq!(listed[1].sha256, second.sha256());

    let events = store
        .list_audit_events("collaboration", &id.to_string())
        .await
        .unwrap();
    let added: Vec<_> = events.iter().filter(|e| e.action == "attachment.add").collect();
    assert_eq!(added.len(), 2);
    assert!(added.iter().all(|e| e.label == "Bijlage toegevoegd"));
    assert!(
        added
            .iter()
            .any(|e| e.summary.dutch() == "besluit.pdf (application/pdf, 23 bytes)"),
        "{:?}",
        added.iter().map(|e| &e.summary).collect::<Vec<_>>()
    );
    assert_eq!(store.verify_audit_chain().await.unwrap().first_broken, None);
}

#[tokio::test]
async fn many_files_added_at_once_are_all_stored_and_audited() {
    let h = Harness::start().await;
    let writers = (0..30).map(|i| {
        let app = h.app.app.clone();
        tokio::spawn(async move {
            let file = Attachment::check(&format!("stuk-{i}.pdf"), pdf(&format!("stuk {i}"))).unwrap();
            app.store()
                .put_attachment(owner(7), &file, &Actor::system("test"))
                .await
                .unwrap()
        })
    });
    let mut ids = Vec::new();
    for writer in writers.collect::<Vec<_>>() {
        ids.push(writer.await.unwrap());
    }
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), 30, "every writer got its own file");
    assert_eq!(
        h.app.app.store().list_attachments(owner(7)).await.unwrap().len(),
        30
    );
    assert_eq!(
        h.app
            .db
            .count("SELECT COUNT(*) FROM audit_events WHERE action = 'attachment.add'")
            .await,
        30
    );
}

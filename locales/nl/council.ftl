# Which bodies of each participant take part in a regeling, and what a municipal council can
# do itself (issue 13, item 2). The articles are in data/rules/wgr_termijnen.csv and docs/DATA.md.

council-col-organs = Deelnemend bestuursorgaan
council-organs-none = niet vastgelegd
council-through = via: { $organs }
council-heading = Wat de raad zelf kan doen
council-intro = Welk bestuursorgaan van een gemeente deelneemt — de raad, het college of de burgemeester, zoals het register van gemeenschappelijke regelingen het vermeldt — bepaalt wat de raad zelf kan. Neemt de raad deel, dan beslist hij zelf over wijziging, toetreding en uittreding. Neemt alleen het college of de burgemeester deel, dan krijgt de raad het ontwerp ter zienswijze en is zijn toestemming nodig (Wgr, artikel 1, tweede tot en met vierde lid). De begrotingsstukken gaan in beide gevallen naar de raden (artikelen 34b en 35; onze lezing, zie de bronnen in de tabellen).
council-municipalities = Gemeenten ({ $count }): { $names }
council-caption = { $position }: wat de raad kan doen, met het artikel
council-col-power = Wat de raad kan doen
council-col-source = Bron
council-no-powers = Voor deze regeling zijn geen artikelen afgeleid: zij is beëindigd, of haar deelnemers vallen onder een hoofdstuk van de Wgr waarvan de artikelen niet zijn gelezen (bijvoorbeeld met waterschappen of het Rijk).
council-information-heading = Inlichtingen en verantwoording
council-information = Het bestuur van een regeling met een eigen bestuur geeft de raden ongevraagd de informatie die zij nodig hebben en beantwoordt vragen van raadsleden; het lid van het algemeen bestuur dat een gemeente aanwijst, geeft inlichtingen aan de raad en legt verantwoording af aan wie hem aanwees (Wgr, artikelen 16 tot en met 19 zoals gewijzigd per 1 juli 2022).
council-information-source = gemeente.nu: Actief informeren bij gemeenschappelijke regelingen

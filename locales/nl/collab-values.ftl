# Labels the collaboration pages need of lists the domain does not key: organisation types,
# the six dimensions of the ROB model (label, question, ends of the scale) and the reference
# profiles. The Dutch equals the domain's own wording.

collab-orgtype-ministerie = Ministerie
collab-orgtype-rijksdienst = Rijksdienst
collab-orgtype-provincie = Provincie
collab-orgtype-gemeente = Gemeente
collab-orgtype-waterschap = Waterschap
collab-orgtype-gemeenschappelijke-regeling = Gemeenschappelijke regeling
collab-orgtype-koepel = Koepel
collab-orgtype-bedrijf = Bedrijf
collab-orgtype-kennisinstelling = Kennisinstelling
collab-orgtype-maatschappelijke-organisatie = Maatschappelijke organisatie
collab-orgtype-overig = Overig

collab-dimension-beleidsambitie-rijk = Beleidsambitie Rijk
collab-dimension-verplicht-karakter = Verplicht karakter
collab-dimension-decentrale-middelen = Decentrale middelen
collab-dimension-eisen-aan-uitvoering = Eisen aan uitvoering
collab-dimension-verantwoordelijkheid-uitvoering = Verantwoordelijkheid uitvoering
collab-dimension-verantwoording-aan-rijk = Verantwoording aan Rijk

collab-question-beleidsambitie-rijk = In hoeverre heeft het Rijk een eigen beleidsambitie?
collab-question-verplicht-karakter = In hoeverre verplicht het Rijk de decentrale overheden tot de samenwerking?
collab-question-decentrale-middelen = In hoeverre dienen de decentrale overheden eigen middelen in te zetten?
collab-question-eisen-aan-uitvoering = In hoeverre stelt het Rijk eisen aan de uitvoering?
collab-question-verantwoordelijkheid-uitvoering = Hoe is de verantwoordelijkheid voor de uitvoering verdeeld?
collab-question-verantwoording-aan-rijk = In hoeverre dienen decentrale overheden zich aan het Rijk te verantwoorden over bestedingen en resultaten?

collab-scale-low = geenszins
collab-scale-high = in zeer hoge mate
collab-scale-low-verantwoordelijkheid-uitvoering = het Rijk 100%
collab-scale-high-verantwoordelijkheid-uitvoering = de decentrale overheden 100%

collab-profile-ideaaltype = Gelijkwaardig partnerschap (ideaaltype)
collab-profile-mirt = MIRT
collab-profile-res = RES
collab-profile-regio-deals = Regio Deals

# Labels the collaboration pages need of lists the domain does not key: organisation types,
# the six dimensions of the ROB model (label, question, ends of the scale) and the reference
# profiles. The Dutch equals the domain's own wording.

collab-orgtype-ministerie = Ministry
collab-orgtype-rijksdienst = Central government agency
collab-orgtype-provincie = Province
collab-orgtype-gemeente = Municipality
collab-orgtype-waterschap = Water board
collab-orgtype-gemeenschappelijke-regeling = Joint arrangement (gemeenschappelijke regeling)
collab-orgtype-koepel = Umbrella organisation
collab-orgtype-bedrijf = Company
collab-orgtype-kennisinstelling = Knowledge institution
collab-orgtype-maatschappelijke-organisatie = Civil society organisation
collab-orgtype-overig = Other

collab-dimension-beleidsambitie-rijk = Central government’s policy ambition
collab-dimension-verplicht-karakter = Obligatory nature
collab-dimension-decentrale-middelen = Decentral resources
collab-dimension-eisen-aan-uitvoering = Requirements on implementation
collab-dimension-verantwoordelijkheid-uitvoering = Responsibility for implementation
collab-dimension-verantwoording-aan-rijk = Accountability to central government

collab-question-beleidsambitie-rijk = To what extent does central government have a policy ambition of its own?
collab-question-verplicht-karakter = To what extent does central government oblige the decentral governments to collaborate?
collab-question-decentrale-middelen = To what extent must the decentral governments contribute resources of their own?
collab-question-eisen-aan-uitvoering = To what extent does central government set requirements on implementation?
collab-question-verantwoordelijkheid-uitvoering = How is the responsibility for implementation divided?
collab-question-verantwoording-aan-rijk = To what extent must decentral governments account to central government for spending and results?

collab-scale-low = not at all
collab-scale-high = to a very high degree
collab-scale-low-verantwoordelijkheid-uitvoering = central government 100%
collab-scale-high-verantwoordelijkheid-uitvoering = the decentral governments 100%

collab-profile-ideaaltype = Equal partnership (ideal type)
collab-profile-mirt = MIRT
collab-profile-res = RES
collab-profile-regio-deals = Region Deals

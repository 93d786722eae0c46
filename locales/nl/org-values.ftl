# The labels of the kinds of organisation and the layers of government, by the id
# `OrgType-<key>` / `Layer-<key>` (not made with keyed_enum!, so not in values.ftl). The
# Dutch text must equal the domain's label (a test compares them).

OrgType-ministerie = Ministerie
OrgType-rijksdienst = Rijksdienst
OrgType-provincie = Provincie
OrgType-gemeente = Gemeente
OrgType-waterschap = Waterschap
OrgType-gemeenschappelijke-regeling = Gemeenschappelijke regeling
OrgType-koepel = Koepel
OrgType-bedrijf = Bedrijf
OrgType-kennisinstelling = Kennisinstelling
OrgType-maatschappelijke-organisatie = Maatschappelijke organisatie
OrgType-overig = Overig
Layer-rijk = Rijk
Layer-decentraal = Decentrale overheid
Layer-koepel = Koepel
Layer-niet-overheid = Niet-overheid

# The labels of the kinds of organisation and the layers of government, by the id
# `OrgType-<key>` / `Layer-<key>` (not made with keyed_enum!, so not in values.ftl). The
# Dutch text must equal the domain's label (a test compares them).

OrgType-ministerie = Ministry
OrgType-rijksdienst = Central government agency
OrgType-provincie = Province
OrgType-gemeente = Municipality
OrgType-waterschap = Water board
OrgType-gemeenschappelijke-regeling = Gemeenschappelijke regeling (joint arrangement)
OrgType-koepel = Umbrella organisation
OrgType-bedrijf = Company
OrgType-kennisinstelling = Knowledge institution
OrgType-maatschappelijke-organisatie = Civil society organisation
OrgType-overig = Other
Layer-rijk = Central government
Layer-decentraal = Decentralised government
Layer-koepel = Umbrella organisation
Layer-niet-overheid = Non-government

# Kosten per taakveld (issue 15, punt 3): ids error-cost-…, ReportKind-…, CostShape-…, SeriesOn-…

ReportKind-begroting = Begroting
ReportKind-kwartaal-1 = Eerste kwartaal
ReportKind-kwartaal-2 = Tweede kwartaal
ReportKind-kwartaal-3 = Derde kwartaal
ReportKind-kwartaal-4 = Vierde kwartaal
ReportKind-jaarrekening = Jaarrekening
CostShape-cbs = CBS (tabel 45071NED)
CostShape-openspending = Openspending
SeriesOn-parent = Op het oude taakveld (nieuwe codes opgeteld)
SeriesOn-new = Op de taakvelden zoals geboekt
error-unknown-ReportKind = '{ $value }' is geen bekend soort verslag; kies uit: { $choices }.
error-unknown-CostShape = '{ $value }' is geen bekend bestandsvorm; kies uit: { $choices }.
error-unknown-SeriesOn = '{ $value }' is geen bekend reeks; kies uit: { $choices }.
error-cost-amount-required = Vul een bedrag in (× € 1.000).
error-cost-amount = '{ $value }' is geen bedrag in duizenden euro's; schrijf bijvoorbeeld 1234 of 12,5.
error-cost-period = '{ $value }' is geen periode; schrijf bijvoorbeeld 2023JJ00 of 2023KW02.
error-cost-period-kind = Een kwartaal hoort bij verslagsoort kwartaal, een jaar (JJ00) bij begroting of jaarrekening.
error-cost-report-kind = '{ $value }' is geen verslagsoort; kies begroting, kwartaal of jaarrekening.
error-cost-soort = '{ $value }' is geen soort; kies begroting, realisatie of q1 tot en met q4.
error-cost-category = '{ $value }' is geen categorie; lasten beginnen met L, baten met B.
error-cost-side = '{ $value }' is geen kant; kies lasten of baten.
error-cost-organisation = '{ $value }' is geen bekende gemeente (CBS-code, bijvoorbeeld GM0363).
audit-Iv3CostImport = Kosten per taakveld ingelezen
summary-iv3-cost-import = { $file }: { $added } kostencijfers toegevoegd, { $replaced } vervangen, { $unchanged } ongewijzigd
problem-forbidden-import-costs = U kunt alleen kosten inlezen van gemeenten waarvan u redacteur bent; beheerders van alle gemeenten.

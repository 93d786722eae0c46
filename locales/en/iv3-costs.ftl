# Costs per task field (issue 15, item 3): ids error-cost-…, ReportKind-…, CostShape-…, SeriesOn-…

ReportKind-begroting = Budget
ReportKind-kwartaal-1 = First quarter
ReportKind-kwartaal-2 = Second quarter
ReportKind-kwartaal-3 = Third quarter
ReportKind-kwartaal-4 = Fourth quarter
ReportKind-jaarrekening = Annual accounts
CostShape-cbs = CBS (table 45071NED)
CostShape-openspending = Openspending
SeriesOn-parent = On the old task field (new codes added up)
SeriesOn-new = On the task fields as booked
error-unknown-ReportKind = '{ $value }' is not a known kind of report; choose from: { $choices }.
error-unknown-CostShape = '{ $value }' is not a known file shape; choose from: { $choices }.
error-unknown-SeriesOn = '{ $value }' is not a known series; choose from: { $choices }.
error-cost-amount-required = Fill in an amount (× € 1,000).
error-cost-amount = '{ $value }' is not an amount in thousands of euros; write for example 1234 or 12.5.
error-cost-period = '{ $value }' is not a period; write for example 2023JJ00 or 2023KW02.
error-cost-period-kind = A quarter goes with report kind kwartaal, a year (JJ00) with begroting or jaarrekening.
error-cost-report-kind = '{ $value }' is not a report kind; choose begroting, kwartaal or jaarrekening.
error-cost-soort = '{ $value }' is not a kind; choose begroting, realisatie or q1 to q4.
error-cost-category = '{ $value }' is not a category; lasten (costs) start with L, baten (revenue) with B.
error-cost-side = '{ $value }' is not a side; choose lasten or baten.
error-cost-organisation = '{ $value }' is not a known municipality (CBS code, for example GM0363).
audit-Iv3CostImport = Costs per task field imported
summary-iv3-cost-import = { $file }: { $added } cost figures added, { $replaced } replaced, { $unchanged } unchanged
problem-forbidden-import-costs = You can import costs only of municipalities you are an editor of; administrators of all municipalities.

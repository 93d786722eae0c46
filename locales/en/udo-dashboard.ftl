# The dashboard of the use of the UDO (issue 14, item 10): choice, chart, messages.
udo-dashboard-filter-label = Choose year and ministry
udo-dashboard-filter-year = Year in which the dossier was opened
udo-dashboard-filter-year-hint = For example 2025; leave empty for all years.
udo-dashboard-filter-submit = Show
udo-dashboard-filter-invalid = Parameter { $field }: { $message }
udo-dashboard-filter-ignored = All dossiers are counted.
udo-dashboard-none = There are no UDO dossiers for this choice.
udo-dashboard-chart-title = Dossiers per ministry: consulted with the UDO outcome beforehand, consulted without, and not yet consulted
udo-dashboard-chart-desc = One bar per ministry, as long as its number of dossiers; the number after it is that count. The table below gives the same figures per year.
udo-dashboard-chart-caption = Dossiers per ministry over the chosen years. The table below gives the same figures per year.
udo-dashboard-chart-bar = { $ministry }: { $dossiers } in total; { $before } consulted with the UDO outcome beforehand, { $without } consulted without, { $pending } not yet consulted
udo-dashboard-part-udo-before = Consulted, UDO outcome beforehand
udo-dashboard-part-consulted-without = Consulted without UDO outcome beforehand
udo-dashboard-part-not-consulted = Not yet consulted
error-udo-dashboard-year = '{ $value }' is not a year from { $first } to { $last }.
error-udo-dashboard-ministry = '{ $code }' is not a ministry.

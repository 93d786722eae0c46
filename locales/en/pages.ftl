# The pages every government website must have: about, accessibility, privacy, contact.

operator-unknown = the organisation that runs this installation
contact-unknown = The administrator of this installation has not yet set a contact address (setting SAMENSPEL_CONTACT).

about-title = About Samenspel
about-intro = Samenspel is open-source software that puts the instruments for intergovernmental collaboration into practice: for the central government, the provinces, the municipalities and the water boards that work together on housing, energy, climate and employment.
about-what-heading = What Samenspel does
about-what-1 = The register of collaborations shows for each collaboration who takes part, in which role, with what money and under which democratic control, and for each organisation the collaborations it takes part in.
about-what-2 = With the Model for equal partnership of the Council for Public Administration (advice « Rol nemen, ruimte geven », 2021) the partners state their position on six dimensions; Samenspel shows where they differ and which division of roles fits.
about-what-3 = The bottleneck monitor periodically asks those involved about the bottlenecks in the collaboration and reports only on groups large enough that nobody can be recognised.
about-sources-heading = Sources
about-sources-1 = The organisations come from the Register of Government Organisations and the municipality codes of Statistics Netherlands (CBS); the regional divisions from CBS / PDOK; the joint arrangements (gemeenschappelijke regelingen) from the central government's register (ROO). The origin of each file is set out in docs/DATA.md and in the reference data folder.
about-licence-heading = Licence and version
about-licence-1 = Samenspel is released under the European Union Public Licence (EUPL-1.2). This is version { $version }.
about-licence-2 = The API is described in an OpenAPI document at /api/openapi.json.

accessibility-title = Accessibility statement
accessibility-intro = Everyone should be able to use this website. This statement follows the Dutch model for accessibility statements; responsible for this installation is { $operator }.
accessibility-standard-heading = Standard
accessibility-standard-1 = Government websites must meet the European standard EN 301 549, that is the Web Content Accessibility Guidelines (WCAG) 2.1 at level AA (Besluit digitale toegankelijkheid overheid, the Dutch digital accessibility decree).
accessibility-status-heading = Status
accessibility-status-1 = Status C — first measures taken. The software is checked automatically with every change, but no full manual evaluation following WCAG-EM has yet been done by an independent party. The administrator of an installation publishes the official statement in the register at toegankelijkheidsverklaring.nl.
accessibility-checks-heading = How it was checked
accessibility-checks-1 = With every change to the software, the build checks every page with axe-core (against WCAG 2.1 AA) and with the W3C Nu HTML Checker; one test answers the bottleneck monitor's questionnaire with the keyboard alone at a screen width of 320 pixels.
accessibility-checks-2 = The pages need no JavaScript, use the components of NL Design System, and offer a table with the same data beside every chart.
accessibility-limits-heading = Known limitations
accessibility-limits-1 = On narrow screens (375 pixels and less) some wide tables have to be scrolled horizontally, and the labels of the radar chart are small. This is being worked on.
accessibility-limits-2 = Not all pages and messages are available in English yet; where they are not, the Dutch text applies.
accessibility-contact-heading = Contact about accessibility
accessibility-contact-1 = Do you run into a problem, or is something not accessible? Get in touch through the Contact page. The administrator of this installation will answer.

privacy-title = Privacy statement
privacy-intro = This statement says which personal data Samenspel processes, why, and what rights you have. The controller is { $operator }.
privacy-data-heading = Which data
privacy-data-1 = For account holders: name, e-mail address, the organisations you work for and your role there (reader, editor, administrator), and a one-way hash of your password. Of sign-in sessions and API keys we keep only a hash.
privacy-data-2 = For every change Samenspel records who made it, on behalf of which organisation and when (the change log). The change log is a hash chain: a later alteration shows.
privacy-data-3 = Answers to the bottleneck monitor are kept without name or e-mail address; results are shown only for groups that are large enough. To limit repeated submissions the server briefly counts per network address; that address is not stored in the database.
privacy-data-4 = For every sign-in attempt we keep the e-mail address entered, the network address, the time and whether it succeeded, so that password guessing can be limited.
privacy-purpose-heading = Why
privacy-purpose-1 = To let authorised staff record data about collaborations on behalf of their organisation, and to make every change accountable and verifiable.
privacy-basis-heading = Legal basis
privacy-basis-1 = The performance of a task carried out in the public interest by the organisation that runs this installation (Article 6(1)(e) of the General Data Protection Regulation, GDPR).
privacy-visible-heading = Who sees what
privacy-visible-1 = Visitors without an account and staff of organisations that do not take part see only the organisation behind a change ("namens Provincie Utrecht": on behalf of Provincie Utrecht). Staff of the participating organisations see the person's name. Only administrators see e-mail addresses.
privacy-retention-heading = Retention
privacy-retention-1 = An account exists until an administrator removes it. The change log is kept as long as the collaboration's data exist, because it is their account; the administrator of the installation sets the periods under the Public Records Act (Archiefwet).
privacy-rights-heading = Your rights
privacy-rights-1 = You can ask for access to, correction or erasure of your data and object to the processing (Articles 15 to 21 GDPR), through the Contact page. Entries in the change log are not erased, because the account of the changes would be lost. You can lodge a complaint with the Dutch Data Protection Authority (Autoriteit Persoonsgegevens).
privacy-cookies-heading = Cookies
privacy-cookies-1 = Samenspel uses functional cookies only: your sign-in, a security code against forged forms, a confirmation after saving, and your choice of language. There are no third-party cookies or scripts and nothing is measured for statistics.

contact-title = Contact
contact-intro = This installation of Samenspel is run by { $operator }.
contact-address-heading = Contact address
contact-address-1 = You can reach the administrator at: { $contact }
contact-data-heading = Questions about data
contact-data-1 = Questions about the data of a collaboration are best put to the lead partner (trekker) of that collaboration, named on its page. Questions about your account go to the administrator.

# The frame of every page: skip link, navigation, account, language switch and footer.

site-name = Samenspel
skip-to-content = Skip to content
nav-label = Main menu
nav-home = Home
nav-collaborations = Collaborations
nav-organisations = Organisations
nav-regions = Regions
nav-survey = Bottleneck monitor
nav-api = API
account-signed-in-as = Signed in as { $name }
account-password = Password
account-sign-out = Sign out
account-sign-in = Sign in
language-switch-label = Language: { $language }
footer-label = About this website
footer-about = About Samenspel
footer-accessibility = Accessibility
footer-privacy = Privacy
footer-contact = Contact
footer-text = Samenspel — open-source software for intergovernmental collaboration (EUPL-1.2). The partnership model comes from the advice « Rol nemen, ruimte geven » of the Council for Public Administration (Raad voor het Openbaar Bestuur, 2021). Reference data: CBS / PDOK and the Register of Government Organisations.
page-not-translated = This page is not yet available in English; it is shown in Dutch.

# Signing in and out, changing the password, accepting an invitation; and what every form
# says above its refused fields.

account-sign-in-title = Aanmelden
account-email = E-mailadres
account-password-label = Wachtwoord
account-sign-in-button = Aanmelden
account-no-account = Nog geen account? Een beheerder van Samenspel maakt het voor u aan en stuurt u een uitnodiging.
account-wrong = Het e-mailadres of het wachtwoord klopt niet.
account-signed-in = U bent aangemeld als { $name }.
account-signed-out = U bent afgemeld.
account-password-title = Wachtwoord wijzigen
account-password-changed = Uw wachtwoord is gewijzigd.
account-current-password = Huidig wachtwoord
account-new-password = Nieuw wachtwoord
account-new-password-hint = Ten minste 12 tekens. Een zin van een paar woorden is sterk en goed te onthouden.
account-change = Wijzigen
account-invitation-title = Uitnodiging aannemen
account-welcome = Welkom, { $name }
account-invitation-intro = Kies een wachtwoord om uw account te gebruiken. Daarna kunt u zich aanmelden.
account-password-hint = Ten minste 12 tekens.
account-password-again = Wachtwoord nogmaals
account-set-password = Wachtwoord instellen
account-passwords-differ = De twee wachtwoorden zijn niet gelijk.
account-password-set = Uw wachtwoord is ingesteld. Meld u nu aan.
account-form-required = (verplicht)
account-form-errors-heading = Er is iets niet goed ingevuld
account-form-errors-intro = Er is niets opgeslagen. Verbeter het volgende:

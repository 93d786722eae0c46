# Signing in and out, changing the password, accepting an invitation; and what every form
# says above its refused fields.

account-sign-in-title = Sign in
account-email = Email address
account-password-label = Password
account-sign-in-button = Sign in
account-no-account = No account yet? A Samenspel administrator creates one for you and sends you an invitation.
account-wrong = The email address or the password is not correct.
account-signed-in = You are signed in as { $name }.
account-signed-out = You are signed out.
account-password-title = Change password
account-password-changed = Your password has been changed.
account-current-password = Current password
account-new-password = New password
account-new-password-hint = At least 12 characters. A sentence of a few words is strong and easy to remember.
account-change = Change
account-invitation-title = Accept invitation
account-welcome = Welcome, { $name }
account-invitation-intro = Choose a password to use your account. After that you can sign in.
account-password-hint = At least 12 characters.
account-password-again = Password again
account-set-password = Set password
account-passwords-differ = The two passwords are not the same.
account-password-set = Your password has been set. Please sign in now.
account-form-required = (required)
account-form-errors-heading = Something is not filled in correctly
account-form-errors-intro = Nothing has been saved. Please correct the following:

"""The personal-profile fields a content template may name as {placeholder}, nested ones dotted.

Apart from generator.models.profile so that loading the content (which checks the application
drafts' placeholders against this list) does not build the profile model or load phonenumbers.
tests/content/test_profile.py checks the list against the model.
"""

PROFILE_FIELDS = (
    "name_latin", "name_native", "passport_number", "citizenship", "phone", "iccid", "email",
    "refund.bank", "refund.bik", "refund.account", "refund.phone",
    "representative.name_latin", "representative.passport_number",
    "new_holder.name_latin", "new_holder.passport_number",
)

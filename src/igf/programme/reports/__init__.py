"""During and after the annual meeting: registrations, session reports (short within 24
hours, full within two weeks) with reminders and a compliance page, recordings, transcripts,
and participation statistics."""

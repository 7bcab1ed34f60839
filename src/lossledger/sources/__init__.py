"""Sources: where documents come from — local files, mirrors, upstream HTTPS — before any parsing."""

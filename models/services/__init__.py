"""Services the screens and the command line call: plain functions that
validate input, speak Vietnamese when something is wrong, and write the audit
trail."""

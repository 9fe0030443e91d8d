"""PDF output in the official Vietnamese formats (ReportLab). Never imports the UI."""

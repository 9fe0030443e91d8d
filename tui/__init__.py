"""The Textual app and the click command line of Đối thoại."""

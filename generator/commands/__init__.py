"""One module per `gongshi` command; cli.py only parses and dispatches."""

"""The built-in Word templates of the kinds a `Draft` is written in (`build.py` writes them:
`python scripts/build_document_templates.py`)."""

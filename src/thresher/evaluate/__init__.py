"""Built-in evaluation: accuracy of extraction and cleaning against labelled pages."""

"""The public site: the multi-step report form, receipt codes and the follow-up page, public statistics."""

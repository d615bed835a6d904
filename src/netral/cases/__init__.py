"""Cases: reports, findings and initial information, handled along the workflow of `data/workflow.toml`.

This package is the pure-Python core (no Django): `workflow` (the state machine per track, deadlines through
`netral.rules.calendar`), `inputs` (what a transition requires and how it is checked) and `registration`
(Bawaslu's report and register numbers). The Django models and views are built on it; see docs/workflow.md.
"""

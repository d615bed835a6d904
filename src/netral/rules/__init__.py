"""The regulation catalogue as data: elections and their phases, violation types, sanctions, procedure deadlines
and holidays (`catalogue`), and the deadline calendar (`calendar`). Pure Python; Django models mirror it.
"""

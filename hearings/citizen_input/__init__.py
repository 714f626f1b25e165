"""Skriv til rådet: anyone may send the council their view on an open
hearing. The input lands in the council's admin as material for the
secretary's draft (never published by itself), the secretariat is told by
mail, and it is deleted a set time after the hearing is decided.

forms       the public form (CPR refused, honeypot)
selectors   whether a hearing takes input, who may read it, what is expired
services    receiving, deleting one, deleting the expired; the mail task
public_views  the form and receipt pages (HearingIndexPage's routes)
admin       the hearing's input view and the response editor's panel
"""

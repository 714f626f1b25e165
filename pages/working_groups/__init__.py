"""Working groups of a council: small groups of members on a theme, with
their notes, their draft texts for the council and their meetings.

They live in the pages app because they are council activity below the
hearings: the group's meetings join the council's calendar and its list
joins the home page through the pages.contributions hooks that pages owns,
while a draft text that becomes a hearing response's draft is the hearings
app's business (hearings may import this package; this package never
imports hearings). Modules: models (the rows), selectors (who may see and
write what, how members are named publicly), permissions (the admin's
policies), forms and admin (the secretariat's and members' screens), public
(the calendar events and the home page's section), tenancy (whose rows are
whose, for cms.tenancy and the admin's door policy).
"""

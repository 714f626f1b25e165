"""A working group's draft text becomes the draft of a hearing response.

Here, not in pages.working_groups: hearings sits above pages and may import
the working groups, never the reverse. The secretariat picks an open hearing
of the council without a response; the text becomes the body of a new draft
response, which still goes to the chairs for approval like any other.
"""

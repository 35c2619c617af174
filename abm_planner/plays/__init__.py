"""Joint plays: clash and gap checks, template suggestions, touch counts, timeline layout.

Plain data in, plain data out (``plays.records``): the services load plays, people,
touches and DMU findings from a plan and hand them over; nothing here imports the
store, the DMU engine or Qt, so every rule is testable with hand-built records.
"""

// Every document in the store, with its title and date.
g.V("document").In("cg:type").Tag("document")
  .Out("cg:title").Tag("title").Back("document")
  .Out("cg:date").Tag("date")
  .All()

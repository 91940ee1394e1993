// The claims one article makes: claim nodes point at their document with
// cg:doc; the document node is the article's id.
g.V("eu-sanctions-russia-2022.txt").In("cg:doc").Tag("claim")
  .Out("cg:subject").Tag("subject").Back("claim")
  .Out("cg:predicate").Tag("predicate").Back("claim")
  .Out("cg:object").Tag("object")
  .All()

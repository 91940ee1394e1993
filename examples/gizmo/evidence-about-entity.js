// Everything claimed about an entity as the subject, with the evidence:
// each claim node links the subject, predicate and object to the sentence
// and document it came from.
var entity = "Russia";
g.V(entity).In("cg:subject").Tag("claim")
  .Out("cg:predicate").Tag("predicate").Back("claim")
  .Out("cg:object").Tag("object").Back("claim")
  .Out("cg:modality").Tag("modality").Back("claim")
  .Out("cg:doc").Tag("document").Back("claim")
  .Out("cg:sentence").Tag("evidence")
  .All()

// Everything within two hops of an entity, over relation edges only (not
// claimgraph's own cg: bookkeeping), in either direction.
var relations = ["met", "visited", "invited", "hosted", "urged", "warned", "criticized",
  "praised", "rejected", "supports", "opposes", "cooperates_with", "trades_with",
  "mediates", "sanctioned", "invaded", "annexed", "attacked", "fought", "deployed",
  "bought", "sold", "made_by", "member_of", "part_of", "borders", "closed",
  "official_of", "seeks_to_join"];
g.V("Finland").Both(relations).Both(relations).Unique().All()

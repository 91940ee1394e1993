// Who sanctioned Russia? Relation edges point from the actor to the target,
// so follow "sanctioned" backwards. Unique() folds the same edge asserted by
// several documents (each document labels its own edge).
g.V("Russia").In("sanctioned").Unique().All()

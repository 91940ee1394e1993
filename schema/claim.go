package schema

// Modality says how a claim is put forward by its text.
type Modality string

// The modalities a claim can have. Only asserted, reported and planned claims
// become relation edges in the graph; the others are kept as evidence only.
const (
	Asserted     Modality = "asserted"     // stated as fact by the article
	Reported     Modality = "reported"     // attributed to a source ("X said")
	Planned      Modality = "planned"      // intended or scheduled ("will host")
	Hypothetical Modality = "hypothetical" // possible, conditional or asked ("may invade")
	Denied       Modality = "denied"       // denied by someone ("Russia denies planning to invade")
	Negated      Modality = "negated"      // stated not to be so ("did not attend")
)

// Asserts reports whether a claim with this modality asserts its relation,
// and so may become an edge of the graph.
func (m Modality) Asserts() bool {
	switch m {
	case Asserted, Reported, Planned, "":
		return true
	}
	return false
}

// Claim is one subject–predicate–object statement found in a document, with
// its provenance. Its JSON form is the JSONL contract of `claimgraph extract`.
type Claim struct {
	Doc         string            `json:"doc"`
	Subject     string            `json:"subject"`
	SubjectType EntityType        `json:"subject_type"`
	Predicate   string            `json:"predicate"`
	Object      string            `json:"object"`
	ObjectType  EntityType        `json:"object_type"`
	Negated     bool              `json:"negated"`
	Modality    Modality          `json:"modality"`
	Sentence    string            `json:"sentence"`
	Start       int               `json:"start"`
	End         int               `json:"end"`
	Date        string            `json:"date"`
	Qualifiers  map[string]string `json:"qualifiers"`
	Confidence  float64           `json:"confidence"`
	Extractor   string            `json:"extractor,omitempty"`
	// Explain, when the extractor was asked for it, says how the claim
	// was read off the sentence; it is not stored.
	Explain *Explanation `json:"explain,omitempty"`
}

// Explanation says how a claim was read: the trigger word and the frame
// it matched, the words and relations its subject and object came from,
// and what decided its modality.
type Explanation struct {
	Trigger  string `json:"trigger"`  // the word, with its lemma: "imposed (impose)"
	Frame    string `json:"frame"`    // the frame matched: "verb impose obj=sanction prep=on", or the phrase read
	Subject  string `json:"subject"`  // the subject's word and arc: "Union (nsubj of imposed)"
	Object   string `json:"object"`   // the object's word and arc, or how it was given
	Modality string `json:"modality"` // why the modality is what it is
}

// Asserted reports whether the claim asserts its relation: it is neither
// negated nor denied nor merely hypothetical.
func (c Claim) Asserted() bool { return !c.Negated && c.Modality.Asserts() }

// Document is an article as read from its source, before extraction.
type Document struct {
	ID     string `json:"id"`     // file base name or the JSONL id
	Title  string `json:"title"`  // headline, may be empty
	Date   string `json:"date"`   // publication date, ISO 8601, may be empty
	URL    string `json:"url"`    // where it was published, may be empty
	Source string `json:"source"` // the file it was read from ("-" for standard input)
	Text   string `json:"-"`      // cleaned article text; claim offsets index it
	Hash   string `json:"hash"`   // hex SHA-256 of the raw content
	Size   int    `json:"-"`      // bytes of raw content read
}

// Extraction is what extraction makes of one document.
type Extraction struct {
	Document  Document
	Claims    []Claim
	Entities  []Entity // every entity a claim names, once
	Sentences int      // sentences read
}

package syntax

import "fmt"

// CheckTree reports why words are not a dependency tree, or nil: one word
// hangs from the root, as "root", every other has a head inside the
// sentence and a relation other than "root", and there is no cycle.
func CheckTree(words []Word) error {
	roots := 0
	for i, w := range words {
		switch {
		case w.Head == 0:
			roots++
			if w.Rel != "root" {
				return fmt.Errorf("word %d hangs from the root as %q", i+1, w.Rel)
			}
		case w.Head < 0 || w.Head > len(words):
			return fmt.Errorf("word %d has head %d outside the sentence", i+1, w.Head)
		case w.Rel == "" || w.Rel == "root":
			return fmt.Errorf("word %d has relation %q", i+1, w.Rel)
		}
		for k, steps := w.Head, 0; k != 0; k, steps = words[k-1].Head, steps+1 {
			if steps > len(words) {
				return fmt.Errorf("word %d is in a cycle", i+1)
			}
		}
	}
	if len(words) > 0 && roots != 1 {
		return fmt.Errorf("%d words hang from the root", roots)
	}
	return nil
}

package syntax

// trainer is a multiclass averaged perceptron under training. Weights are
// integers (every update is ±1), and the running sums that make the average
// are kept lazily: a weight's sum is brought up to date only when it
// changes.
type trainer struct {
	nclass int
	rows   map[uint64]int32
	w      []int32
	sum    []int64
	stamp  []int64
	now    int64 // instances seen
}

func newTrainer(nclass int) *trainer {
	return &trainer{nclass: nclass, rows: make(map[uint64]int32, 1<<16)}
}

// row returns the row of feature f, adding one if add is set; -1 if none.
func (t *trainer) row(f uint64, add bool) int32 {
	r, ok := t.rows[f]
	if ok {
		return r
	}
	if !add {
		return -1
	}
	r = int32(len(t.w) / t.nclass)
	t.rows[f] = r
	t.w = append(t.w, make([]int32, t.nclass)...)
	t.sum = append(t.sum, make([]int64, t.nclass)...)
	t.stamp = append(t.stamp, make([]int64, t.nclass)...)
	return r
}

// tick counts one training instance, updated or not.
func (t *trainer) tick() { t.now++ }

// score adds the current weights of feats to scores.
func (t *trainer) score(feats []uint64, scores []float32) {
	for i := range scores {
		scores[i] = 0
	}
	for _, f := range feats {
		r := t.row(f, false)
		if r < 0 {
			continue
		}
		row := t.w[int(r)*t.nclass : int(r+1)*t.nclass]
		for c, v := range row {
			scores[c] += float32(v)
		}
	}
}

// update moves weight from class bad to class good for every feature.
func (t *trainer) update(feats []uint64, good, bad int) {
	if good == bad {
		return
	}
	for _, f := range feats {
		r := t.row(f, true)
		t.bump(int(r)*t.nclass+good, 1)
		t.bump(int(r)*t.nclass+bad, -1)
	}
}

// add adds d to the weight of class for every feature.
func (t *trainer) add(feats []uint64, class int, d int32) {
	for _, f := range feats {
		r := t.row(f, true)
		t.bump(int(r)*t.nclass+class, d)
	}
}

func (t *trainer) bump(i int, d int32) {
	t.sum[i] += int64(t.w[i]) * (t.now - t.stamp[i])
	t.stamp[i] = t.now
	t.w[i] += d
}

// averaged returns the averaged weight of every feature and class.
func (t *trainer) averaged() map[uint64][]float32 {
	out := make(map[uint64][]float32, len(t.rows))
	n := float64(t.now)
	if n == 0 {
		n = 1
	}
	for f, r := range t.rows {
		row := make([]float32, t.nclass)
		nonzero := false
		for c := range row {
			i := int(r)*t.nclass + c
			s := t.sum[i] + int64(t.w[i])*(t.now-t.stamp[i])
			row[c] = float32(float64(s) / n)
			nonzero = nonzero || row[c] != 0
		}
		if nonzero {
			out[f] = row
		}
	}
	return out
}

package syntax

// Features are 64-bit hashes of a template number and its values. The model
// stores the hashes, so they must not depend on the process: no random
// seeds.

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// hashString is FNV-1a of s.
func hashString(s string) uint64 {
	h := uint64(fnvOffset)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return h
}

// fmix is MurmurHash3's 64-bit finaliser: every input bit reaches every
// output bit.
func fmix(k uint64) uint64 {
	k ^= k >> 33
	k *= 0xff51afd7ed558ccd
	k ^= k >> 33
	k *= 0xc4ceb9fe1a85ec53
	k ^= k >> 33
	return k
}

// f1, f2 and f3 hash a template number with one, two or three values.
func f1(t int, a uint64) uint64 { return fmix(uint64(t+1)*0x9E3779B97F4A7C15 ^ a) }

func f2(t int, a, b uint64) uint64 { return fmix(f1(t, a) ^ b*0xC2B2AE3D27D4EB4F) }

func f3(t int, a, b, c uint64) uint64 { return fmix(f2(t, a, b) ^ c*0x165667B19E3779F9) }

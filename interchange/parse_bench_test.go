package interchange

import "testing"

// BenchmarkParse10kVCards reads 10,000 phone vCards into records (no book).
func BenchmarkParse10kVCards(b *testing.B) {
	data := manyVCards(10_000)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := Parse("phone.vcf", data, ParseOptions{CC: "86"}); err != nil {
			b.Fatal(err)
		}
	}
}

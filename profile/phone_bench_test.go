package profile

import "testing"

func BenchmarkFormatPhone(b *testing.B) {
	FormatPhone("+8613800138000", "86")
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		FormatPhone("+8613800138000", "86")
	}
}

func BenchmarkReadPhone(b *testing.B) {
	_, _ = ReadPhone("138 0013 8000", "86")
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		_, _ = ReadPhone("138 0013 8000", "86")
	}
}

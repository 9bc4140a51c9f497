// Package pbref is the protobuf runtime's code for the phonenumbers
// messages as protoc-gen-go generated it (before vipbook cut the runtime
// out of the package), kept for the tests only: TestDecodeEqualsProtobuf
// holds the package's own decoding and merging to it.
package pbref

import "sync"

var protoOnce sync.Once

func protoInit() {
	protoOnce.Do(func() {
		file_phonenumber_proto_init()
		file_phonemetadata_proto_init()
	})
}

// Init registers the generated types.
func Init() { protoInit() }

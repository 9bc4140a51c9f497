package phonenumbers

import (
	"encoding/json"
	"testing"

	"google.golang.org/protobuf/proto"

	"github.com/nyaruka/phonenumbers/internal/pbref"
)

// asJSON writes v with encoding/json: the package's messages and the
// generated ones have the same exported fields and tags, so equal values
// give equal text.
func asJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestDecodeEqualsProtobuf (vipbook's patch): the hand decoding of wire.go
// gives what proto.Unmarshal gave for every territory of the number and
// short-number metadata, and mergeFrom what proto.Merge gave.
func TestDecodeEqualsProtobuf(t *testing.T) {
	pbref.Init()
	for _, data := range []struct {
		name string
		gz   []byte
	}{{"metadata", numberData}, {"short-number metadata", shortNumberData}} {
		raw, err := decodeUnzip(data.gz)
		if err != nil {
			t.Fatal(err)
		}
		var got PhoneMetadataCollection
		if err := decodePhoneMetadataCollection(raw, &got); err != nil {
			t.Fatalf("%s: %v", data.name, err)
		}
		var want pbref.PhoneMetadataCollection
		if err := proto.Unmarshal(raw, &want); err != nil {
			t.Fatal(err)
		}
		if len(got.Metadata) != len(want.Metadata) || len(got.Metadata) < 200 {
			t.Fatalf("%s: %d territories, protobuf %d", data.name, len(got.Metadata), len(want.Metadata))
		}
		for i := range got.Metadata {
			if g, w := asJSON(t, got.Metadata[i]), asJSON(t, want.Metadata[i]); g != w {
				t.Errorf("%s: territory %s decodes to\n%s\nprotobuf:\n%s", data.name, want.Metadata[i].GetId(), g, w)
			}
		}
	}
	// Bad input is refused as proto.Unmarshal refuses it.
	for _, bad := range [][]byte{{0x0a}, {0x0a, 0x05, 0x01}, {0x08}, {0x0b}, {0x0a, 0x02, 0x48, 0x01}} {
		var got PhoneMetadataCollection
		var want pbref.PhoneMetadataCollection
		if errG, errW := decodePhoneMetadataCollection(bad, &got), proto.Unmarshal(bad, &want); (errG == nil) != (errW == nil) {
			t.Errorf("% x: error %v, protobuf's %v", bad, errG, errW)
		}
	}
	// Merging, as formatting and parsing merge numbers and formats.
	for _, s := range []string{"+44 20 7946 0958", "020 7946 0958 ext. 12", "+39 06 1234 5678", "+1 650 253 0000"} {
		n, err := ParseAndKeepRawInput(s, "GB")
		if err != nil {
			t.Fatal(err)
		}
		var ref pbref.PhoneNumber
		if err := json.Unmarshal([]byte(asJSON(t, n)), &ref); err != nil {
			t.Fatal(err)
		}
		for _, into := range []*PhoneNumber{{}, {CountryCode: ptr(int32(7)), Extension: ptr("9"), RawInput: ptr("x")}} {
			got := &PhoneNumber{}
			got.mergeFrom(into)
			var wantM pbref.PhoneNumber
			json.Unmarshal([]byte(asJSON(t, into)), &wantM)
			got.mergeFrom(n)
			proto.Merge(&wantM, &ref)
			if g, w := asJSON(t, got), asJSON(t, &wantM); g != w {
				t.Errorf("%s: merged %s, protobuf %s", s, g, w)
			}
		}
	}
	for _, f := range getMetadataForRegion("GB").GetNumberFormat() {
		got := &NumberFormat{LeadingDigitsPattern: []string{"9"}}
		got.mergeFrom(f)
		var ref, wantF pbref.NumberFormat
		json.Unmarshal([]byte(asJSON(t, f)), &ref)
		wantF.LeadingDigitsPattern = []string{"9"}
		proto.Merge(&wantF, &ref)
		if g, w := asJSON(t, got), asJSON(t, &wantF); g != w {
			t.Errorf("format merged %s, protobuf %s", g, w)
		}
	}
	if PhoneNumber_FROM_DEFAULT_COUNTRY.String() != "FROM_DEFAULT_COUNTRY" || PhoneNumber_CountryCodeSource(3).String() != "3" {
		t.Errorf("enum names: %s, %s", PhoneNumber_FROM_DEFAULT_COUNTRY, PhoneNumber_CountryCodeSource(3))
	}
}

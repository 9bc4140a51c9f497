package phonenumbers

import (
	"bytes"
	"reflect"
	"testing"
)

// TestLazyMetadataEqualsWhole (vipbook's patch): every territory and
// non-geographic calling code decoded on first use equals its entry in the
// whole collection decoded at once, as upstream did.
func TestLazyMetadataEqualsWhole(t *testing.T) {
	unzipped, err := decodeUnzip(numberData)
	if err != nil || !bytes.Equal(unzipped, numberDataRaw) {
		t.Fatalf("data/metadata.pb is not data/metadata.xml.gz gunzipped (%v): run zcat data/metadata.xml.gz > data/metadata.pb", err)
	}
	coll, err := MetadataCollection()
	if err != nil {
		t.Fatal(err)
	}
	if len(coll.GetMetadata()) < 200 {
		t.Fatalf("only %d territories", len(coll.GetMetadata()))
	}
	for _, want := range coll.GetMetadata() {
		var got *PhoneMetadata
		if want.GetId() == REGION_CODE_FOR_NON_GEO_ENTITY {
			got = getMetadataForNonGeographicalRegion(int(want.GetCountryCode()))
		} else {
			got = getMetadataForRegion(want.GetId())
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s (+%d): decoded on its own differs from the whole collection's", want.GetId(), want.GetCountryCode())
		}
	}
}

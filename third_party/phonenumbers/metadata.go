package phonenumbers

import _ "embed"

//go:embed data/countrycode_to_region.xml.gz
var regionData []byte

//go:embed data/metadata.xml.gz
var numberData []byte

// numberDataRaw is numberData uncompressed (vipbook's patch: gunzipping
// it cost every command that formats a phone number about 3 ms; read in
// place, only the territories used are decoded). TestLazyMetadataEqualsWhole
// checks the two hold the same metadata.
//
//go:embed data/metadata.pb
var numberDataRaw []byte

//go:embed data/prefix_to_timezone.xml.gz
var timezoneData []byte

//go:embed data/shortnumber_metadata.xml.gz
var shortNumberData []byte

package phonenumbers

// vipbook's patch: the protocol buffer wire format of the five messages,
// read and merged by hand, so that the package does not link the protobuf
// runtime (its registry, reflection and package inits, among them one that
// opens and reads the running binary on every start). decodeXxx is
// proto.Unmarshal for these messages (unknown fields skipped, a repeated
// scalar packed or not, a message field given twice merged); mergeFrom is
// proto.Merge (set scalars replace, repeated fields append, message fields
// merge). TestDecodeEqualsProtobuf (wire_test.go, run in this folder) holds
// them to the protobuf runtime's on every territory of both metadata files.

import (
	"errors"
	"math"
)

// Wire types.
const (
	wireVarint  = 0
	wireFixed64 = 1
	wireBytes   = 2
	wireFixed32 = 5
)

var errWire = errors.New("phonenumbers: malformed protocol buffer")

// ptr returns a pointer to a copy of v (proto.String, proto.Int32, ...).
func ptr[T any](v T) *T { return &v }

// varint reads a base-128 varint from b; n is 0 when it is malformed.
func varint(b []byte) (v uint64, n int) {
	for i := 0; i < len(b) && i < 10; i++ {
		c := b[i]
		if i == 9 && c > 1 {
			return 0, 0
		}
		v |= uint64(c&0x7f) << (7 * i)
		if c < 0x80 {
			return v, i + 1
		}
	}
	return 0, 0
}

// field is one field of an encoded message: its number and wire type, its
// varint value or its bytes.
type field struct {
	num  uint64
	typ  int
	v    uint64
	data []byte
}

// fields calls f with each field of the encoded message b, in order.
func fields(b []byte, f func(field) error) error {
	for len(b) > 0 {
		tag, n := varint(b)
		if n == 0 || tag>>3 == 0 || tag>>3 > math.MaxInt32 {
			return errWire
		}
		b = b[n:]
		fl := field{num: tag >> 3, typ: int(tag & 7)}
		switch fl.typ {
		case wireVarint:
			fl.v, n = varint(b)
			if n == 0 {
				return errWire
			}
		case wireFixed64:
			n = 8
		case wireFixed32:
			n = 4
		case wireBytes:
			l, m := varint(b)
			if m == 0 || l > uint64(len(b)-m) {
				return errWire
			}
			fl.data = b[m : m+int(l)]
			n = m + int(l)
		default: // groups: none in these messages
			return errWire
		}
		if n > len(b) {
			return errWire
		}
		b = b[n:]
		if err := f(fl); err != nil {
			return err
		}
	}
	return nil
}

// str, i32, u64 and boolean read a scalar field of the wire type its
// declaration gives; a field of another wire type is skipped, as
// proto.Unmarshal keeps it among the unknown fields.
func (f field) str(p **string) {
	if f.typ == wireBytes {
		*p = ptr(string(f.data))
	}
}

func (f field) i32(p **int32) {
	if f.typ == wireVarint {
		*p = ptr(int32(f.v))
	}
}

func (f field) u64(p **uint64) {
	if f.typ == wireVarint {
		*p = ptr(f.v)
	}
}

func (f field) boolean(p **bool) {
	if f.typ == wireVarint {
		*p = ptr(f.v != 0)
	}
}

// repeatedI32 appends a repeated int32, packed or one by one.
func (f field) repeatedI32(s *[]int32) error {
	switch f.typ {
	case wireVarint:
		*s = append(*s, int32(f.v))
	case wireBytes:
		b := f.data
		for len(b) > 0 {
			v, n := varint(b)
			if n == 0 {
				return errWire
			}
			*s = append(*s, int32(v))
			b = b[n:]
		}
	}
	return nil
}

// errRequired is proto.Unmarshal's refusal of a message without a
// required field.
var errRequired = errors.New("phonenumbers: required field not set")

func decodeNumberFormat(b []byte, m *NumberFormat) error {
	err := fields(b, func(f field) error {
		switch f.num {
		case 1:
			f.str(&m.Pattern)
		case 2:
			f.str(&m.Format)
		case 3:
			if f.typ == wireBytes {
				m.LeadingDigitsPattern = append(m.LeadingDigitsPattern, string(f.data))
			}
		case 4:
			f.str(&m.NationalPrefixFormattingRule)
		case 6:
			f.boolean(&m.NationalPrefixOptionalWhenFormatting)
		case 5:
			f.str(&m.DomesticCarrierCodeFormattingRule)
		}
		return nil
	})
	if err == nil && (m.Pattern == nil || m.Format == nil) {
		err = errRequired
	}
	return err
}

func decodePhoneNumberDesc(b []byte, m *PhoneNumberDesc) error {
	return fields(b, func(f field) error {
		switch f.num {
		case 2:
			f.str(&m.NationalNumberPattern)
		case 9:
			return f.repeatedI32(&m.PossibleLength)
		case 10:
			return f.repeatedI32(&m.PossibleLengthLocalOnly)
		case 6:
			f.str(&m.ExampleNumber)
		}
		return nil
	})
}

// desc decodes a PhoneNumberDesc field into *p, merging into one already
// there.
func (f field) desc(p **PhoneNumberDesc) error {
	if f.typ != wireBytes {
		return nil
	}
	if *p == nil {
		*p = &PhoneNumberDesc{}
	}
	return decodePhoneNumberDesc(f.data, *p)
}

func (f field) numberFormat(s *[]*NumberFormat) error {
	if f.typ != wireBytes {
		return nil
	}
	m := &NumberFormat{}
	if err := decodeNumberFormat(f.data, m); err != nil {
		return err
	}
	*s = append(*s, m)
	return nil
}

func decodePhoneMetadata(b []byte, m *PhoneMetadata) error {
	err := fields(b, func(f field) error {
		switch f.num {
		case 1:
			return f.desc(&m.GeneralDesc)
		case 2:
			return f.desc(&m.FixedLine)
		case 3:
			return f.desc(&m.Mobile)
		case 4:
			return f.desc(&m.TollFree)
		case 5:
			return f.desc(&m.PremiumRate)
		case 6:
			return f.desc(&m.SharedCost)
		case 7:
			return f.desc(&m.PersonalNumber)
		case 8:
			return f.desc(&m.Voip)
		case 21:
			return f.desc(&m.Pager)
		case 25:
			return f.desc(&m.Uan)
		case 27:
			return f.desc(&m.Emergency)
		case 28:
			return f.desc(&m.Voicemail)
		case 29:
			return f.desc(&m.ShortCode)
		case 30:
			return f.desc(&m.StandardRate)
		case 31:
			return f.desc(&m.CarrierSpecific)
		case 33:
			return f.desc(&m.SmsServices)
		case 24:
			return f.desc(&m.NoInternationalDialling)
		case 9:
			f.str(&m.Id)
		case 10:
			f.i32(&m.CountryCode)
		case 11:
			f.str(&m.InternationalPrefix)
		case 17:
			f.str(&m.PreferredInternationalPrefix)
		case 12:
			f.str(&m.NationalPrefix)
		case 13:
			f.str(&m.PreferredExtnPrefix)
		case 15:
			f.str(&m.NationalPrefixForParsing)
		case 16:
			f.str(&m.NationalPrefixTransformRule)
		case 18:
			f.boolean(&m.SameMobileAndFixedLinePattern)
		case 19:
			return f.numberFormat(&m.NumberFormat)
		case 20:
			return f.numberFormat(&m.IntlNumberFormat)
		case 22:
			f.boolean(&m.MainCountryForCode)
		case 23:
			f.str(&m.LeadingDigits)
		case 26:
			f.boolean(&m.LeadingZeroPossible)
		case 32:
			f.boolean(&m.MobileNumberPortableRegion)
		}
		return nil
	})
	if err == nil && m.Id == nil {
		err = errRequired
	}
	return err
}

func decodePhoneMetadataCollection(b []byte, m *PhoneMetadataCollection) error {
	return fields(b, func(f field) error {
		if f.num != 1 || f.typ != wireBytes {
			return nil
		}
		md := &PhoneMetadata{}
		if err := decodePhoneMetadata(f.data, md); err != nil {
			return err
		}
		m.Metadata = append(m.Metadata, md)
		return nil
	})
}

// set replaces *dst with a copy of src when src is set.
func set[T any](dst **T, src *T) {
	if src != nil {
		*dst = ptr(*src)
	}
}

// mergeFrom is proto.Merge(x, src).
func (x *PhoneNumber) mergeFrom(src *PhoneNumber) {
	set(&x.CountryCode, src.CountryCode)
	set(&x.NationalNumber, src.NationalNumber)
	set(&x.Extension, src.Extension)
	set(&x.ItalianLeadingZero, src.ItalianLeadingZero)
	set(&x.NumberOfLeadingZeros, src.NumberOfLeadingZeros)
	set(&x.RawInput, src.RawInput)
	set(&x.CountryCodeSource, src.CountryCodeSource)
	set(&x.PreferredDomesticCarrierCode, src.PreferredDomesticCarrierCode)
}

// mergeFrom is proto.Merge(x, src).
func (x *NumberFormat) mergeFrom(src *NumberFormat) {
	set(&x.Pattern, src.Pattern)
	set(&x.Format, src.Format)
	x.LeadingDigitsPattern = append(x.LeadingDigitsPattern, src.LeadingDigitsPattern...)
	set(&x.NationalPrefixFormattingRule, src.NationalPrefixFormattingRule)
	set(&x.NationalPrefixOptionalWhenFormatting, src.NationalPrefixOptionalWhenFormatting)
	set(&x.DomesticCarrierCodeFormattingRule, src.DomesticCarrierCodeFormattingRule)
}

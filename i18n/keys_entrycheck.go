package i18n

// Keys of the checks of a size and a measurement typed in (the book's
// AddSize and AddMeasurement, the app's forms): what is wrong and what is
// taken (entrycheck.go).
const (
	ErrSizeSystem   Key = "err.size_system"   // what was typed, the systems
	ErrSizeValue    Key = "err.size_value"    // what was typed
	ErrMeasureValue Key = "err.measure_value" // what was typed
	ErrMeasureUnit  Key = "err.measure_unit"  // what was typed, the units
	// ErrMeasureUnits: the value's unit and the unit given differ.
	ErrMeasureUnits Key = "err.measure_units" // the value, its unit, the unit given
)

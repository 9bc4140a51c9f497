package i18n

// enSafety holds the words of keys.go.
var enSafety map[Key]string

func enSafetyTable() map[Key]string {
	return map[Key]string{
		BannerDamaged:              "The book is damaged: nothing is saved. Quit, run vipbook check, then vipbook restore a good backup.",
		BookKnownDamaged:           "warning: this book was found damaged on %s (%s). You can read it, but nothing is saved until vipbook check finds it sound: run vipbook check, then vipbook restore a good backup.",
		ErrBookKnownDamaged:        "Not saved: the book was found damaged on %s (%s). Run vipbook check to see what is wrong, then vipbook restore a good backup; writes resume once vipbook check finds the book sound.",
		ErrBookDamaged:             "The book is damaged: part of it cannot be read. Run vipbook check to see what is wrong, then vipbook restore a good backup. Nothing is saved to it until then.",
		BackupRefusedDamaged:       "The book is damaged (%s): no backup was written, and the good backups stay as they are. Run vipbook check to see what is wrong, then vipbook restore a good backup. To take a copy for rescue anyway: vipbook backup --force.",
		BackupRescueWritten:        "The book is damaged: wrote a rescue copy to %s. It is not a backup to restore: run vipbook check, then vipbook restore a good backup.",
		BookReadableByOthers:       "warning: the book can be read by others (mode %04o) and is not yours to change: its owner should run chmod 600 %s",
		ImportErased:               "erased on %s at the client's request; not imported (re-add the client by hand with vipbook add, or import with --allow-erased)",
		AppReadRetrying:            "Another vipbook is writing to the book (an import, a handover?): reading it again in a moment…",
		AppReadFailed:              "The book could not be read (%s).",
		AppClientErasedMeanwhile:   "That client was erased from the book in another terminal: their profile is closed, and nothing more is saved for them.",
		AppClientErasedWhileTyping: "That client was erased from the book in another terminal: their profile and what you were typing about them are closed, and none of it was kept.",
		AppClientMergedMeanwhile:   "That client was merged into %s in another terminal: their profile is shown now.",
		AppWriteWaiting:            "Saving: waiting for another vipbook (a command in another terminal, an import?) to let go of the book; what you typed is kept…",
		CliWaitingForOther:         "Waiting for another vipbook (a command in another terminal, an import?) to let go of this book…",
		CliWaitingForBackup:        "Waiting for another vipbook (a backup) to finish copying this book…",
		CliWaitingForApp:           "Waiting for the app, open on this book, to finish reading or backing it up…",
		CliCheckSalvaged:           "Put back client %s (%s) from the backup %s, as it was on %s: changes to this client since then are lost.",
		CliCheckSalvagedRecord:     "Put back the %s %s of client %s (%s) from the backup %s, as it was on %s: changes to it since then are lost.",
		CliCheckNoSalvageRecord:    "The %s %s of client %s is damaged and no backup holds a sound copy: restore an older backup with vipbook restore FILE, or ask for help.",
		CliRecordNote:              "note",
		CliRecordPurchase:          "purchase",
		CliRecordTask:              "follow-up",
		CliRecordAppointment:       "appointment",
		CliRecordRequest:           "special request",
		CliCheckNoSalvage:          "The record of client %s is damaged and no backup holds a sound copy: restore an older backup with vipbook restore FILE, or ask for help.",
		ErrBookIsDirectory:         "%s is a directory, not a book file: give the path of the book file with --book (or VIPBOOK_BOOK).",
		ErrBookIsPipe:              "%s is a named pipe (FIFO), not a book file: vipbook does not read from it. Give the path of the book file with --book (or VIPBOOK_BOOK).",
		ErrBookIsDevice:            "%s is a device, not a book file: give the path of the book file with --book (or VIPBOOK_BOOK).",
		ErrBookIsSpecial:           "%s is not a regular file, so it cannot be a book: give the path of the book file with --book (or VIPBOOK_BOOK).",
	}
}

func initSafetyEn1() {
	for k, s := range enSafety {
		en[k] = s
	}
	for k, s := range zhSafety {
		zh[k] = s
	}
}

package i18n

// The command line's words: what its commands print, its help, and its
// refusals of what was typed.

// The command line's own words: the lines its commands print (the keys
// are named after the file of cli that prints them).
const (
	CliAppTheBookWasReadableByOthers                   Key = "cli.app.the_book_was_readable_by_others"
	CliAppTheFollowUpRulesNeedThe                      Key = "cli.app.the_follow_up_rules_need_the"
	CliBackupBackedUpTheBookTo                         Key = "cli.backup.backed_up_the_book_to"
	CliBackupBookHolds                                 Key = "cli.backup.book_holds"
	CliBackupCannotMakeTheBackupsDirectoryChoose       Key = "cli.backup.cannot_make_the_backups_directory_choose"
	CliBackupNotWritten                                Key = "cli.backup.not_written" // why (FileError)
	CliBackupFull                                      Key = "cli.backup.full"
	CliBackupHolds                                     Key = "cli.backup.holds"
	CliBackupInfo                                      Key = "cli.backup.info"
	CliBackupKeptIn                                    Key = "cli.backup.kept_in"
	CliBackupNoBookYet                                 Key = "cli.backup.no_book_yet"
	CliBackupNoPermission                              Key = "cli.backup.no_permission"
	CliBackupNotABook                                  Key = "cli.backup.not_a_book"    // the file
	CliBackupMoreProblems                              Key = "cli.backup.more_problems" // how many more (plural)
	CliBackupNothingRestored                           Key = "cli.backup.nothing_restored"
	CliBackupNothingWasRestoredNotConfirmedType        Key = "cli.backup.nothing_was_restored_not_confirmed_type"
	CliBackupReadOnly                                  Key = "cli.backup.read_only"
	CliBackupRestoreTypeYesToGoOn                      Key = "cli.backup.restore_type_yes_to_go_on"
	CliBackupRestoredTheBookFromClients                Key = "cli.backup.restored_the_book_from_clients"
	CliBackupRestoringReplacesItWithTheBackup          Key = "cli.backup.restoring_replaces_it_with_the_backup"
	CliBackupStoreName                                 Key = "cli.backup.store_name"
	CliBackupTheBookCannotBeReadIt                     Key = "cli.backup.the_book_cannot_be_read_it"
	CliBriefAndMoreNotedThisWeekVipbook                Key = "cli.brief.and_more_noted_this_week_vipbook"
	CliBriefAndMoreVipbookBriefLimit0                  Key = "cli.brief.and_more_vipbook_brief_limit_0"
	CliBriefAwayDays                                   Key = "cli.brief.away_days"
	CliBriefDate                                       Key = "cli.brief.date"
	CliBriefDateLine                                   Key = "cli.brief.date_line"
	CliBriefDaysAgo                                    Key = "cli.brief.days_ago"
	CliBriefDaysLate                                   Key = "cli.brief.days_late"
	CliBriefDislikes                                   Key = "cli.brief.dislikes"
	CliBriefDueToday                                   Key = "cli.brief.due_today"
	CliBriefFestival                                   Key = "cli.brief.festival"
	CliBriefFestivalClients                            Key = "cli.brief.festival_clients"
	CliBriefFollowUpsDueToday                          Key = "cli.brief.follow_ups_due_today"
	CliBriefFollowUpsOverdue                           Key = "cli.brief.follow_ups_overdue"
	CliBriefInDays                                     Key = "cli.brief.in_days"
	CliBriefInTouchSince                               Key = "cli.brief.in_touch_since"
	CliBriefLapsed                                     Key = "cli.brief.lapsed"
	CliBriefLastPurchase                               Key = "cli.brief.last_purchase"
	CliBriefLateDue                                    Key = "cli.brief.late_due"
	CliBriefLikes                                      Key = "cli.brief.likes"
	CliBriefMostUrgentFirst                            Key = "cli.brief.most_urgent_first"
	CliBriefNoContactLogged                            Key = "cli.brief.no_contact_logged"
	CliBriefNoContactSinceVisit                        Key = "cli.brief.no_contact_since_visit"
	CliBriefNoDateWithinItsLeadTime                    Key = "cli.brief.no_date_within_its_lead_time"
	CliBriefNoFestivalInTheComingMonth                 Key = "cli.brief.no_festival_in_the_coming_month"
	CliBriefNoSituationNotedThisWeek                   Key = "cli.brief.no_situation_noted_this_week"
	CliBriefNone                                       Key = "cli.brief.none"
	CliBriefNoneAmongTodayVisitors                     Key = "cli.brief.none_among_today_visitors"
	CliBriefNoneBooked                                 Key = "cli.brief.none_booked"
	CliBriefNoneOpen                                   Key = "cli.brief.none_open"
	CliBriefNote                                       Key = "cli.brief.note"
	CliBriefNothingUrgentToday                         Key = "cli.brief.nothing_urgent_today"
	CliBriefOpenDays                                   Key = "cli.brief.open_days"
	CliBriefOpenDaysSince                              Key = "cli.brief.open_days_since"
	CliBriefOpenRequestSinceDays                       Key = "cli.brief.open_request_since_days"
	CliBriefOverdue                                    Key = "cli.brief.overdue"
	CliBriefPhone                                      Key = "cli.brief.phone"
	CliBriefRequest                                    Key = "cli.brief.request"
	CliBriefSituation                                  Key = "cli.brief.situation"
	CliBriefSizes                                      Key = "cli.brief.sizes"
	CliBriefSpecial                                    Key = "cli.brief.special"
	CliBriefSpecialPeopleToday                         Key = "cli.brief.special_people_today"
	CliBriefSpecialRequestsOpen                        Key = "cli.brief.special_requests_open"
	CliBriefSpecialSituationsDatesComing               Key = "cli.brief.special_situations_dates_coming"
	CliBriefSpecialSituationsFestivals                 Key = "cli.brief.special_situations_festivals"
	CliBriefSpecialSituationsNotedThisWeek             Key = "cli.brief.special_situations_noted_this_week"
	CliBriefTheAssociateClosestToThemSends             Key = "cli.brief.the_associate_closest_to_them_sends"
	CliBriefTitle                                      Key = "cli.brief.title"
	CliBriefToday                                      Key = "cli.brief.today"
	CliBriefTodayVisits                                Key = "cli.brief.today_visits"
	CliBriefTomorrow                                   Key = "cli.brief.tomorrow"
	CliBriefAhead                                      Key = "cli.brief.ahead"
	CliBriefTopClientsAwayLongerThanUsual              Key = "cli.brief.top_clients_away_longer_than_usual"
	CliBriefTurns                                      Key = "cli.brief.turns"
	CliBriefVisit                                      Key = "cli.brief.visit"
	CliBriefWhy                                        Key = "cli.brief.why"
	CliBriefWishesOnlyNoStoreNews                      Key = "cli.brief.wishes_only_no_store_news"
	CliBriefWishesOnlyNoStoreNews2                     Key = "cli.brief.wishes_only_no_store_news_2"
	CliBriefYears                                      Key = "cli.brief.years"
	CliBriefYesterday                                  Key = "cli.brief.yesterday"
	CliCheckDamaged                                    Key = "cli.check.damaged"
	CliCheckSound                                      Key = "cli.check.sound"
	CliCheckRemoved                                    Key = "cli.check.removed"
	CliCheckTheBookAtIsDamaged                         Key = "cli.check.the_book_at_is_damaged"
	CliCheckWhatToDo                                   Key = "cli.check.what_to_do"
	CliCheckEraseUnfinished                            Key = "cli.check.erase_unfinished"
	CliCountAppointments                               Key = "cli.count.appointments"
	CliCountClients                                    Key = "cli.count.clients"
	CliCountConflicts                                  Key = "cli.count.conflicts"
	CliCountDrafts                                     Key = "cli.count.drafts"
	CliCountIntroduce                                  Key = "cli.count.introduce"
	CliCountMentions                                   Key = "cli.count.mentions"
	CliCountNotes                                      Key = "cli.count.notes"
	CliCountOpenTasks                                  Key = "cli.count.open_tasks"
	CliCountProblems                                   Key = "cli.count.problems"
	CliCountPurchases                                  Key = "cli.count.purchases"
	CliCountRequests                                   Key = "cli.count.requests"
	CliCountRequestsPlain                              Key = "cli.count.requests_plain"
	CliCountTasks                                      Key = "cli.count.tasks"
	CliCountRemoved                                    Key = "cli.count.removed"
	CliCountVisits                                     Key = "cli.count.visits"
	CliEngineLogged                                    Key = "cli.engine.logged"
	CliEngineRefused                                   Key = "cli.engine.refused"
	CliEngineRefusedSince                              Key = "cli.engine.refused_since"
	CliHandoverAColleague                              Key = "cli.handover.a_colleague"
	CliHandoverAddYesToEraseThem                       Key = "cli.handover.add_yes_to_erase_them"
	CliHandoverAlsoMatchesCheckForDuplicates           Key = "cli.handover.also_matches_check_for_duplicates"
	CliHandoverAndMore                                 Key = "cli.handover.and_more"
	CliHandoverAndMore2                                Key = "cli.handover.and_more_2"
	CliHandoverArchivedClientsWouldBeErasedFor         Key = "cli.handover.archived_clients_would_be_erased_for"
	CliHandoverBackFromTheArchive                      Key = "cli.handover.back_from_the_archive"
	CliHandoverBundleEncryptedId                       Key = "cli.handover.bundle_encrypted_id"
	CliHandoverBundleFromMade                          Key = "cli.handover.bundle_from_made"
	CliHandoverClients                                 Key = "cli.handover.clients"
	CliHandoverCounts                                  Key = "cli.handover.counts"
	CliHandoverDryRunNothingWasWrittenRun              Key = "cli.handover.dry_run_nothing_was_written_run"
	CliHandoverEMail                                   Key = "cli.handover.e_mail"
	CliHandoverErasedArchivedClientsRecordsTheBook     Key = "cli.handover.erased_archived_clients_records_the_book"
	CliHandoverErasedArchivedNotCompacted              Key = "cli.handover.erased_archived_not_compacted" // purge, when the compaction failed (HoNotCompacted follows)
	CliHandoverFor                                     Key = "cli.handover.for"
	CliHandoverGiveTheFileAndSeparatelyThe             Key = "cli.handover.give_the_file_and_separately_the"
	CliHandoverHandedOver                              Key = "cli.handover.handed_over"
	CliHandoverIdAndName                               Key = "cli.handover.id_and_name"
	CliHandoverImported                                Key = "cli.handover.imported"
	CliHandoverKeptInTheHistory                        Key = "cli.handover.kept_in_the_history"
	CliHandoverMatchedBy                               Key = "cli.handover.matched_by"
	CliHandoverMerge                                   Key = "cli.handover.merge"
	CliHandoverNameAndBirthday                         Key = "cli.handover.name_and_birthday"
	CliHandoverNoArchivedClientNothingToPurge          Key = "cli.handover.no_archived_client_nothing_to_purge"
	CliHandoverNoClientIsChosenNothingTo               Key = "cli.handover.no_client_is_chosen_nothing_to"
	CliHandoverNoTerminalToAskThePassphrase            Key = "cli.handover.no_terminal_to_ask_the_passphrase"
	CliHandoverNote                                    Key = "cli.handover.note"
	CliHandoverNothingToDoThisBookAlready              Key = "cli.handover.nothing_to_do_this_book_already"
	CliHandoverOlderBackupsAndCopiesOfThe              Key = "cli.handover.older_backups_and_copies_of_the"
	CliHandoverPassphrase                              Key = "cli.handover.passphrase"
	CliHandoverPassphraseAgain                         Key = "cli.handover.passphrase_again"
	CliHandoverPhone                                   Key = "cli.handover.phone"
	CliHandoverSame                                    Key = "cli.handover.same"
	CliHandoverStoreName                               Key = "cli.handover.store_name"
	CliHandoverThePassphraseIsTooShortUse              Key = "cli.handover.the_passphrase_is_too_short_use"
	CliHandoverTheTwoPassphrasesDifferNothingWas       Key = "cli.handover.the_two_passphrases_differ_nothing_was"
	CliHandoverTheyStayInThisBookMarked                Key = "cli.handover.they_stay_in_this_book_marked"
	CliHandoverUnchanged                               Key = "cli.handover.unchanged"
	CliHandoverWentWith                                Key = "cli.handover.went_with"
	CliInterchangeAllClientsAskedNotToBe               Key = "cli.interchange.all_clients_asked_not_to_be"
	CliInterchangeAlreadyExistsNothingWasWrittenChoose Key = "cli.interchange.already_exists_nothing_was_written_choose"
	CliInterchangeAndMore                              Key = "cli.interchange.and_more"
	CliInterchangeColumns                              Key = "cli.interchange.columns"
	CliInterchangeCommaSeparated                       Key = "cli.interchange.comma"
	CliInterchangeDatesRead                            Key = "cli.interchange.dates_read"
	CliInterchangeDatesReadGuessed                     Key = "cli.interchange.dates_read_guessed"
	CliInterchangeDayMonthYear                         Key = "cli.interchange.day_month_year"
	CliInterchangeDryRunNothingWritten                 Key = "cli.interchange.dry_run_nothing_written"
	CliInterchangeExportedClientsTo                    Key = "cli.interchange.exported_clients_to"
	CliInterchangeImported                             Key = "cli.interchange.imported"
	CliInterchangeImporting                            Key = "cli.interchange.importing"
	CliInterchangeIsAFolderNameAFile                   Key = "cli.interchange.is_a_folder_name_a_file"
	CliInterchangeKeptInANote                          Key = "cli.interchange.kept_in_a_note"
	CliInterchangeLeftOutClientsWhoAskedNot            Key = "cli.interchange.left_out_clients_who_asked_not"
	// CliInterchangeLeftOutSpecial says a vCard or CSV export left out
	// the special-person flags of that many clients (counted text).
	CliInterchangeLeftOutSpecial Key = "cli.interchange.left_out_special"
	// CliInterchangeExportControls says how many texts of an export held
	// control characters, written in the file in their visible form
	// (counted text).
	CliInterchangeExportControls Key = "cli.interchange.export_controls"
	// CliInterchangeNotCarried says what an export's format leaves out
	// of its file: the format's name, then the list of what.
	CliInterchangeNotCarried Key = "cli.interchange.not_carried"
	// CliInterchangeNoteDays is a part of that list: the notes written
	// without their day and kind (counted text).
	CliInterchangeNoteDays Key = "cli.interchange.note_days"
	// CliInterchangeNotesLeftOut is a part of that list: the older notes
	// that did not fit in a spreadsheet's cell (counted text).
	CliInterchangeNotesLeftOut               Key = "cli.interchange.notes_left_out"
	CliInterchangeLine                       Key = "cli.interchange.line"
	CliInterchangeMatchedBy                  Key = "cli.interchange.matched_by"
	CliInterchangeMerged                     Key = "cli.interchange.merged"
	CliInterchangeMergedIntoClientsOfTheBook Key = "cli.interchange.merged_into_clients_of_the_book"
	CliInterchangeMonthDayYear               Key = "cli.interchange.month_day_year"
	CliInterchangeNew                        Key = "cli.interchange.new"
	CliInterchangeNewClients                 Key = "cli.interchange.new_clients"
	CliInterchangeNotRead                    Key = "cli.interchange.not_read"
	CliInterchangeNote                       Key = "cli.interchange.note"
	CliInterchangeNothingWasImported         Key = "cli.interchange.nothing_was_imported"
	// CliInterchangeEncodingGuess: the encoding guessed and how sure, in percent.
	CliInterchangeEncodingGuess Key = "cli.interchange.encoding_guess" // encoding, percent
	// CliInterchangeEncodingUnsure: an import refused because the guess is weak.
	CliInterchangeEncodingUnsure Key = "cli.interchange.encoding_unsure" // file, encoding, percent
	// CliInterchangeBadEncoding: --encoding names no charset.
	CliInterchangeBadEncoding Key = "cli.interchange.bad_encoding" // the name given
	// CliInterchangeJCard: a jCard file is not read.
	CliInterchangeJCard                        Key = "cli.interchange.jcard" // file
	CliInterchangeOfThemAskedNotToBe           Key = "cli.interchange.of_them_asked_not_to_be"
	CliInterchangeSemicolonSeparated           Key = "cli.interchange.semicolon"
	CliInterchangeSkipped                      Key = "cli.interchange.skipped"
	CliInterchangeSkipped2                     Key = "cli.interchange.skipped_2"
	CliInterchangeTabSeparated                 Key = "cli.interchange.tab"
	CliInterchangeTakenWithChanges             Key = "cli.interchange.taken_with_changes"
	CliInterchangeText                         Key = "cli.interchange.text"
	CliInterchangeText2                        Key = "cli.interchange.text_2"
	CliInterchangeUnchanged                    Key = "cli.interchange.unchanged"
	CliInterchangeWithLines                    Key = "cli.interchange.with_lines"
	CliPrivacyAndClearsIntroducedByInOther     Key = "cli.privacy.and_clears_introduced_by_in_other"
	CliPrivacyCopiesVipbookMadeThatStillHold   Key = "cli.privacy.copies_vipbook_made_that_still_hold"
	CliPrivacyErasedRecordsTheBookFileWas      Key = "cli.privacy.erased_records_the_book_file_was"
	CliPrivacyErasedNotCompacted               Key = "cli.privacy.erased_not_compacted" // erase, when the compaction failed (HoNotCompacted follows)
	CliPrivacyGiveItToTheClientOnly            Key = "cli.privacy.give_it_to_the_client_only"
	CliPrivacyNameTheFileToWriteWith           Key = "cli.privacy.name_the_file_to_write_with"
	CliPrivacyNothingWasErasedTypeTheClient    Key = "cli.privacy.nothing_was_erased_type_the_client"
	CliPrivacyOlderBackupsAndCopiesOfThe       Key = "cli.privacy.older_backups_and_copies_of_the"
	CliPrivacyText                             Key = "cli.privacy.text"
	CliPrivacyTheProfile                       Key = "cli.privacy.the_profile"
	CliPrivacyThisErasesForGoodAndEverything   Key = "cli.privacy.this_erases_for_good_and_everything"
	CliPrivacyTypeTheClientIdToErase           Key = "cli.privacy.type_the_client_id_to_erase"
	CliPrivacyWroteEverythingTheBookHoldsAbout Key = "cli.privacy.wrote_everything_the_book_holds_about"
	CliReportBoughtThisYear                    Key = "cli.report.bought_this_year"
	CliReportBrands                            Key = "cli.report.brands"
	CliReportCategories                        Key = "cli.report.categories"
	CliReportClients                           Key = "cli.report.clients"
	CliReportColours                           Key = "cli.report.colours"
	CliReportDislikes                          Key = "cli.report.dislikes"
	CliReportDoNotContact                      Key = "cli.report.do_not_contact"
	CliReportFavouriteProductsAndStylesOfThe   Key = "cli.report.favourite_products_and_styles_of_the"
	CliReportGapDates                          Key = "cli.report.gap_dates"
	CliReportGapDislikes                       Key = "cli.report.gap_dislikes"
	CliReportGapHobbies                        Key = "cli.report.gap_hobbies"
	CliReportGapMotivator                      Key = "cli.report.gap_motivator"
	CliReportGapShare                          Key = "cli.report.gap_share"
	CliReportGapWhy                            Key = "cli.report.gap_why"
	CliReportHighestAverageTicketLast12Months  Key = "cli.report.highest_average_ticket_last_12_months"
	CliReportHobbies                           Key = "cli.report.hobbies"
	CliReportItemsBought                       Key = "cli.report.items_bought"
	CliReportLastNote                          Key = "cli.report.last_note"
	CliReportLikes                             Key = "cli.report.likes"
	CliReportMaterials                         Key = "cli.report.materials"
	CliReportMostFrequentVisitorsLast12Months  Key = "cli.report.most_frequent_visitors_last_12_months"
	CliReportNoPurchaseThisYearYet             Key = "cli.report.no_purchase_this_year_yet"
	CliReportNone                              Key = "cli.report.none"
	CliReportNothingRecordedYet                Key = "cli.report.nothing_recorded_yet"
	CliReportSalesThisYear                     Key = "cli.report.sales_this_year"
	CliReportShareOfThisYearSales              Key = "cli.report.share_of_this_year_sales"
	CliReportShareOfWallet                     Key = "cli.report.share_of_wallet"
	CliReportStillToLearnFromTheTop            Key = "cli.report.still_to_learn_from_the_top"
	CliReportStyles                            Key = "cli.report.styles"
	CliReportTop10                             Key = "cli.report.top_10"
	CliReportTop10BySpendThisYear              Key = "cli.report.top_10_by_spend_this_year"
	CliReportTop50                             Key = "cli.report.top_50"
	CliReportTopClientsAwayLongest             Key = "cli.report.top_clients_away_longest"
	CliReportVipStocktakeOn                    Key = "cli.report.vip_stocktake_on"
	CliReportWhyUs                             Key = "cli.report.why_us"
	CliReportWhyUsDislikesShareOfWallet        Key = "cli.report.why_us_dislikes_share_of_wallet"
	CliReportWouldMoveThem                     Key = "cli.report.would_move_them"
)

// The command line's words added with its help and commands in Chinese.
const (
	CliArgsWrong              Key = "cli.args_wrong"
	CliBookAdded              Key = "cli.book.added"
	CliBookBooked             Key = "cli.book.booked"
	CliBookCreated            Key = "cli.book.created"
	CliBookFuturePurchase     Key = "cli.book.future_purchase"
	CliBookLunarNeedsBirthday Key = "cli.book.lunar_needs_birthday"
	CliBookNeedsPhone         Key = "cli.book.needs_phone"
	CliBookNoteEmpty          Key = "cli.book.note_empty"
	CliBookNoted              Key = "cli.book.noted"
	CliBookOpenedRequest      Key = "cli.book.opened_request"
	CliBookRecorded           Key = "cli.book.recorded"
	CliBookZeroNoVisit        Key = "cli.book.zero_no_visit"
	CliBookZeroVisitNote      Key = "cli.book.zero_visit_note"
	CliBookRequestIs          Key = "cli.book.request_is"
	CliBookSayWhat            Key = "cli.book.say_what"
	CliBookSayWhen            Key = "cli.book.say_when"
	CliBookSayWhose           Key = "cli.book.say_whose"
	CliBookSetForm            Key = "cli.book.set_form"
	CliBookUpdated            Key = "cli.book.updated"
	CliFlagBadValue           Key = "cli.flag_bad_value"
	CliFlagNeedsValue         Key = "cli.flag_needs_value"
	CliFlagNotNumber          Key = "cli.flag_not_number"   // the flag, the value, the command
	CliFlagBadValueOf         Key = "cli.flag_bad_value_of" // the flag, the value, the command
	// CliFlagNegative: a negative number given where pflag reads a flag
	// (buy CLIENT -5): the number, the command.
	CliFlagNegative      Key = "cli.flag.negative"
	CliFlagUnknown       Key = "cli.flag_unknown"
	CliHelpAliases       Key = "cli.help.aliases"
	CliHelpCommandWord   Key = "cli.help.command_word"
	CliHelpCommands      Key = "cli.help.commands"
	CliHelpDefault       Key = "cli.help.default"
	CliHelpExamples      Key = "cli.help.examples"
	CliHelpFlags         Key = "cli.help.flags"
	CliHelpFlagsWord     Key = "cli.help.flags_word"
	CliHelpGlobalFlags   Key = "cli.help.global_flags"
	CliHelpMore          Key = "cli.help.more"
	CliHelpTypeNumber    Key = "cli.help.type_number"
	CliHelpTypeText      Key = "cli.help.type_text"
	CliHelpUsage         Key = "cli.help.usage"
	CliListColID         Key = "cli.list.col_id"
	CliListColLastVisit  Key = "cli.list.col_last_visit"
	CliListColName       Key = "cli.list.col_name"
	CliListColNextDate   Key = "cli.list.col_next_date"
	CliListColSpend      Key = "cli.list.col_spend"
	CliListColTier       Key = "cli.list.col_tier"
	CliListDNC           Key = "cli.list.dnc"
	CliListNoMatch       Key = "cli.list.no_match"
	CliListSortIs        Key = "cli.list.sort_is"
	CliReportAgeTurns    Key = "cli.report.age_turns"
	CliReportAgeYears    Key = "cli.report.age_years"
	CliReportDateLine    Key = "cli.report.date_line"
	CliSearchAndMore     Key = "cli.search.and_more"
	CliSearchNoValue     Key = "cli.search.no_value" // the filter as typed, the filter with a value
	CliSearchOlderBook   Key = "cli.search.older_book"
	CliShowAppointments  Key = "cli.show.appointments"
	CliShowCity          Key = "cli.show.city"
	CliShowConsent       Key = "cli.show.consent"
	CliShowDNC           Key = "cli.show.dnc"
	CliShowDates         Key = "cli.show.dates"
	CliShowDislikes      Key = "cli.show.dislikes"
	CliShowEmail         Key = "cli.show.email"
	CliShowGifts         Key = "cli.show.gifts"
	CliShowHandedOverTo  Key = "cli.show.handed_over_to"
	CliShowHandedover    Key = "cli.show.handed_over"
	CliShowHistory       Key = "cli.show.history"
	CliShowHobbies       Key = "cli.show.hobbies"
	CliShowHolder        Key = "cli.show.holder"
	CliShowHousehold     Key = "cli.show.household"
	CliShowNext          Key = "cli.show.next"
	CliShowOccupation    Key = "cli.show.occupation"
	CliShowOpened        Key = "cli.show.opened"
	CliShowPhone         Key = "cli.show.phone"
	CliShowPurchase      Key = "cli.show.purchase"
	CliShowReachby       Key = "cli.show.reach_by"
	CliShowRequests      Key = "cli.show.requests"
	CliShowSizes         Key = "cli.show.sizes"
	CliShowSpecial       Key = "cli.show.special"
	CliShowTags          Key = "cli.show.tags"
	CliShowTaken         Key = "cli.show.taken"
	CliShowTasks         Key = "cli.show.tasks"
	CliShowTier          Key = "cli.show.tier"
	CliShowValue         Key = "cli.show.value"
	CliShowValueLine     Key = "cli.show.value_line"
	CliShowWeChat        Key = "cli.show.wechat"
	CliShowWhyus         Key = "cli.show.why_us"
	CliShowWouldmove     Key = "cli.show.would_move"
	CliTaskAdded         Key = "cli.task.added"
	CliTaskCancelled     Key = "cli.task.cancelled"
	CliTaskChecklist     Key = "cli.task.checklist"
	CliTaskClient        Key = "cli.task.client"
	CliTaskDone          Key = "cli.task.done"
	CliTaskDue           Key = "cli.task.due"
	CliTaskKind          Key = "cli.task.kind"
	CliTaskNoTask        Key = "cli.task.no_task"
	CliTaskNoneOpen      Key = "cli.task.none_open"
	CliTaskNote          Key = "cli.task.note"
	CliTaskOpenAgain     Key = "cli.task.open_again"
	CliTaskOverdueDays   Key = "cli.task.overdue_days"
	CliTaskSayDue        Key = "cli.task.say_due"
	CliTaskSayUntil      Key = "cli.task.say_until"
	CliTaskSnoozed       Key = "cli.task.snoozed"
	CliTaskStatus        Key = "cli.task.status"
	CliTaskSteps         Key = "cli.task.steps"
	CliTaskToday         Key = "cli.task.today"
	CliTiersColRFM       Key = "cli.tiers.col_rfm"
	CliTiersColReason    Key = "cli.tiers.col_reason"
	CliTiersNoCard       Key = "cli.tiers.no_card"
	CliTiersNoClients    Key = "cli.tiers.no_clients"
	CliTiersOn           Key = "cli.tiers.on"
	CliUnknownCommand    Key = "cli.unknown_command"
	TierCardValidTo      Key = "tier.card_valid_to"
	TierCardRenewed      Key = "tier.card_renewed"
	TierCardUpgraded     Key = "tier.card_upgraded"
	TierCardKeptOn       Key = "tier.card_kept_on"
	TierCardLapsed       Key = "tier.card_lapsed"
	TierNoCardVoid       Key = "tier.no_card_void"
	TierNoCardLapsed     Key = "tier.no_card_lapsed"
	TierByRenewal        Key = "tier.by_renewal"
	TierRenewReached     Key = "tier.renew_reached"
	TierRenewWith        Key = "tier.renew_with"
	TierKeptReached      Key = "tier.kept_reached"
	TierVoidUnless       Key = "tier.void_unless"
	TierUpgradeOn        Key = "tier.upgrade_on"
	CliShowCard          Key = "cli.show.card"
	CardLabelEntry       Key = "card.label_entry"
	CardLabelGold        Key = "card.label_gold"
	CardLabelPlatinum    Key = "card.label_platinum"
	CliBriefCardsLapsing Key = "cli.brief.cards_lapsing"
	TierArchived         Key = "tier.archived"
	TierByDay            Key = "tier.by_day"
	TierByMonth          Key = "tier.by_month"
	TierByPurchase       Key = "tier.by_purchase"
	TierByYear           Key = "tier.by_year"
	TierCardDowngraded   Key = "tier.card_downgraded"
	TierCardEarned       Key = "tier.card_earned"
	TierCardHeld         Key = "tier.card_held"
	TierCardKept         Key = "tier.card_kept"
	TierNoCard           Key = "tier.no_card"
	TierNoCardNone       Key = "tier.no_card_none"
	TierNoPurchase       Key = "tier.no_purchase"
	TierNoSpend          Key = "tier.no_spend"
	TierOverride         Key = "tier.override"
	TierSpend            Key = "tier.spend"
)

// The command line's words of the profile's entries.
const (
	CliProfileBriefGiftReady     Key = "cli.profile.brief_gift_ready"
	CliProfileBriefGiftNotYet    Key = "cli.profile.brief_gift_not_yet"
	CliProfileBorn               Key = "cli.profile.born"
	CliProfileCardProgram        Key = "cli.profile.card_program"
	CliProfileCards              Key = "cli.profile.cards"
	CliProfileDateAdded          Key = "cli.profile.date_added"
	CliProfileDateFor            Key = "cli.profile.date_for"
	CliProfileDateUsage          Key = "cli.profile.date_usage"
	CliProfileDisliked           Key = "cli.profile.disliked"
	CliProfileEarlier            Key = "cli.profile.earlier"
	CliProfileExpires            Key = "cli.profile.expires"
	CliProfileGiftLogged         Key = "cli.profile.gift_logged"
	CliProfileGiftNotYet         Key = "cli.profile.gift_not_yet"
	CliProfileGiftReady          Key = "cli.profile.gift_ready"
	CliProfileGifts              Key = "cli.profile.gifts"
	CliProfileLead               Key = "cli.profile.lead"
	CliProfileLeadNegative       Key = "cli.profile.lead_negative"
	CliProfileLiked              Key = "cli.profile.liked"
	CliProfileLikes              Key = "cli.profile.likes"
	CliProfileLunarNeedsBirthday Key = "cli.profile.lunar_needs_birthday"
	CliProfileMeasureUsage       Key = "cli.profile.measure_usage"
	CliProfileMeasurements       Key = "cli.profile.measurements"
	CliProfileNoDates            Key = "cli.profile.no_dates"
	CliProfileNoFamily           Key = "cli.profile.no_family"       // the client
	CliProfileNoCards            Key = "cli.profile.no_cards"        // the client
	CliProfileNoGifts            Key = "cli.profile.no_gifts"        // the client
	CliProfileNoSizes            Key = "cli.profile.no_sizes"        // the client
	CliProfileNoMeasurements     Key = "cli.profile.no_measurements" // the client
	CliProfileNoLikes            Key = "cli.profile.no_likes"        // the client
	CliProfileNoDislikes         Key = "cli.profile.no_dislikes"     // the client
	CliProfilePoints             Key = "cli.profile.points"
	CliProfileRecorded           Key = "cli.profile.recorded"
	CliProfileRemoveUsage        Key = "cli.profile.remove_usage"
	CliProfileSizeRemove         Key = "cli.profile.size_remove"
	CliProfileMeasureRemove      Key = "cli.profile.measure_remove"
	CliProfileLikeRemove         Key = "cli.profile.like_remove"
	CliProfileRemoved            Key = "cli.profile.removed"
	CliProfileSizeUsage          Key = "cli.profile.size_usage"
	CliProfileStore              Key = "cli.profile.store"
	CliProfileTicked             Key = "cli.profile.ticked"
)

// The command line's refusals of what was typed (a flag's value, a missing
// file name, a file that cannot be read) and the import's refusals of a
// file, each said in the language in use.
const (
	// UsageBadChoice: a flag's value is not one it takes.
	UsageBadChoice Key = "usage.bad_choice" // the flag, the value, the values it takes
	// UsageJSONOrMarkdown: brief --json and --markdown together.
	UsageJSONOrMarkdown Key = "usage.json_or_markdown"
	// UsageLimit: --limit below 0.
	UsageLimit Key = "usage.limit" // the value
	// UsageDemoClients: demo --clients out of range.
	UsageDemoClients Key = "usage.demo_clients"
	// UsageMessageKind: message without --kind.
	UsageMessageKind Key = "usage.message_kind" // the kinds
	// UsageMessageTemplates: the message templates cannot be read.
	UsageMessageTemplates Key = "usage.message_templates" // why
	// UsageHandoverWhich: handover export names no clients, or several ways.
	UsageHandoverWhich Key = "usage.handover_which"
	// UsageHandoverOut: handover export without -o.
	UsageHandoverOut Key = "usage.handover_out"
	// UsageFileExists: a file to write is already there.
	UsageFileExists Key = "usage.file_exists" // the path
	// UsageCannotRead: a file cannot be read.
	UsageCannotRead Key = "usage.cannot_read" // the path, why (OSReason)
	// UsageCannotWrite: a file cannot be written.
	UsageCannotWrite Key = "usage.cannot_write" // the path, why (OSReason)
	// UsagePassphraseEmpty: --passphrase-file holds nothing.
	UsagePassphraseEmpty Key = "usage.passphrase_empty" // the path
	// UsageDateOrder: --date-order is neither dmy nor mdy.
	UsageDateOrder Key = "usage.date_order" // the value
	// UsageIsFolder: import was given a folder.
	UsageIsFolder Key = "usage.is_folder" // the path
	// UsageTooBig: a file to import is over the limit.
	UsageTooBig Key = "usage.too_big" // the path, its MB, the limit in MB
	// UsageExportOut: export without -o.
	UsageExportOut Key = "usage.export_out"
	// UsageFormat: --format names no format.
	UsageFormat Key = "usage.format" // the value
	// UsageHeaders: export's --headers names no language.
	UsageHeaders Key = "usage.headers" // the value
	// UsageNoMatch: no client matches what was typed.
	UsageNoMatch Key = "usage.no_match" // the query, the query again
	// UsageManyMatch: several clients match what was typed.
	UsageManyMatch Key = "usage.many_match" // how many, the query, the list of them
	// UsageScheme: --scheme names no card scheme.
	UsageScheme Key = "usage.scheme" // the value, the schemes
	// UsageLang: --lang is neither en nor zh.
	UsageLang Key = "usage.lang" // the value

	// The store's refusals to open a book, in the language in use
	// (the store's own texts are English).
	StoreNoBook      Key = "store.no_book"      // the path
	StoreLocked      Key = "store.locked"       // the path
	StoreNotBook     Key = "store.not_book"     // the path
	StoreNewerSchema Key = "store.newer_schema" // the path
	StoreExists      Key = "store.exists"       // the path
	StoreReadOnly    Key = "store.read_only"

	// OSNotExist, OSPermission, OSIsDir, OSOther: why a file could not be
	// read or written (UsageCannotRead, UsageCannotWrite).
	OSNotExist   Key = "os.not_exist"
	OSPermission Key = "os.permission"
	OSIsDir      Key = "os.is_dir"
	OSNoSpace    Key = "os.no_space"
	OSNotDir     Key = "os.not_dir"
	OSReadOnlyFS Key = "os.read_only_fs"
	OSOther      Key = "os.other"    // the system's own words
	OSAt         Key = "os.at"       // why, the file or folder
	OSWriteIn    Key = "os.write_in" // the folder, why

	// The import's refusals of a file (interchange.Error).
	ImportErrWorkbook     Key = "import.err.workbook"       // the file
	ImportErrCalendar     Key = "import.err.calendar"       // the file
	ImportErrOwnJSON      Key = "import.err.own_json"       // the file
	ImportErrBinary       Key = "import.err.binary"         // the file
	ImportErrEmpty        Key = "import.err.empty"          // the file
	ImportErrBadCSV       Key = "import.err.bad_csv"        // the file, the line
	ImportErrNoNameColumn Key = "import.err.no_name_column" // the file, its columns
	ImportErrNoRecords    Key = "import.err.no_records"     // the file, how many were skipped
	ImportErrMapSyntax    Key = "import.err.map_syntax"     // the --map value, the fields
	ImportErrMapColumn    Key = "import.err.map_column"     // the --map value, the column, the file's columns
	ImportErrBadJSON      Key = "import.err.bad_json"       // what the decoder said
	ImportErrForeignJSON  Key = "import.err.foreign_json"
	ImportErrNewerJSON    Key = "import.err.newer_json" // its version, the version read
	ImportErrRecord       Key = "import.err.record"     // the line, the name, why
)

#pragma once

#include <string>
#include <string_view>

// Masked forms of a reporter's personal data, for screens where an officer must recognise a
// person ("the caller ending 7890") without reading the whole value: lists, notifications, the
// audit trail. Masks are '*', one per hidden character, except in e-mail addresses, where the
// local part always shows four so its length stays hidden. Lengths are counted in Unicode code
// points (not grapheme clusters: a letter written with a combining accent counts as two); bytes
// that are not valid UTF-8 are grouped with the character before them. Pure; thread-safe.
namespace sigap::domain::identity {

/// A phone number in its national form with the first 4 and last 4 digits kept
/// ("+6281234567890", "6281234567890", "0812-3456-7890" -> "0812****7890"). Only digits count:
/// spaces, dashes, dots and parentheses are dropped. "+62" (or a leading "62" on a number of at
/// least 10 digits, as WhatsApp writes them) becomes "0". Another country keeps its "+" and is
/// masked the same way ("+14155550123" -> "+1415***0123"). Fewer than 10 digits keep only the
/// last 2 ("112" -> "*12"; 2 digits or fewer are all masked). No digits at all gives "".
std::string mask_phone(std::string_view e164_or_local);

/// The first character of the local part, four '*' and the domain as it is
/// ("rina.s@gmail.com" -> "r****@gmail.com"). The part after the last '@' is the domain; text
/// without '@' is all local part ("rina" -> "r****"); "" gives "".
std::string mask_email(std::string_view email);

/// A NIK (Nomor Induk Kependudukan) with its first 4 characters (province and city: 1671 is
/// Palembang) and last 4 (the serial) kept; the middle (district, date of birth, sex) is masked:
/// "1671010101900001" -> "1671********0001". Spaces, dots and dashes are dropped first. Fewer than
/// 12 characters keep only the last 2 (2 or fewer are all masked); "" gives "".
std::string mask_nik(std::string_view nik);

/// Each word's first character followed by one '*' per further character
/// ("Rina Susanti" -> "R*** S******", "Élodie" -> "É*****"). Words are separated by spaces or
/// tabs, which are kept as they are, except at either end, where they are dropped.
std::string mask_name(std::string_view name);

}  // namespace sigap::domain::identity

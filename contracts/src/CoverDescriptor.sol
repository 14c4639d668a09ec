// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Base64} from "@openzeppelin/contracts/utils/Base64.sol";
import {Strings} from "@openzeppelin/contracts/utils/Strings.sol";
import {IERC20Metadata} from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Metadata.sol";
import {ICoverDescriptor} from "./interfaces/ICoverDescriptor.sol";
import {ICoverMarket} from "./interfaces/ICoverMarket.sol";

/// @title CoverDescriptor
/// @notice Renders a cover token as on-chain JSON with an SVG image, so any wallet or marketplace shows what
///         the cover is: its product (the feed's description), direction, strike, payout, start, end and
///         status. `CoverMarket.tokenURI` forwards here (see `ICoverDescriptor`).
///
/// @dev Stateless: everything is read from the market at call time, so the status follows the cover (Active →
///      Expired → Released, or Claimed). Amounts are shown in the feed's and the stablecoin's units, cut (not
///      rounded) to two decimals with thousands separators; `attributes` also carry the exact integers (strike
///      and payout in base units, times as unix seconds with OpenSea's `date` display type), so nothing a
///      reader needs is lost to formatting. Strings that come from other contracts (the feed's description,
///      the stablecoin's symbol) are reduced to letters, digits, space and `/ . - _` (other bytes become `?`,
///      at most 32 kept) before they enter the JSON or the SVG: a feed cannot inject markup or break the JSON.
///      A feed or token whose metadata call fails is shown as "?" (decimals default to 8 and 6): rendering
///      never reverts for a cover that exists.
contract CoverDescriptor is ICoverDescriptor {
    using Strings for uint256;

    /// @notice `tokenURI` was asked about a token the market does not know.
    error CoverDescriptorUnknownCover(uint256 tokenId);

    uint256 private constant MAX_LABEL = 32;

    /// @dev What the JSON and the SVG print, formatted once.
    struct Text {
        string id;
        string product;
        string direction;
        string verb;
        string strike;
        string payout;
        string start;
        string end;
        string status;
        string color;
    }

    /// @inheritdoc ICoverDescriptor
    function tokenURI(ICoverMarket market, uint256 tokenId) external view returns (string memory) {
        return string.concat("data:application/json;base64,", Base64.encode(bytes(_json(market, tokenId))));
    }

    /// @dev The metadata JSON before encoding (with the SVG inside as a base64 data URI).
    function _json(ICoverMarket market, uint256 tokenId) internal view returns (string memory) {
        (Text memory t, ICoverMarket.CoverInfo memory c) = _read(market, tokenId);
        return string.concat(
            '{"name":"Backstop Cover #',
            t.id,
            '","description":"',
            _description(t),
            '","image":"data:image/svg+xml;base64,',
            Base64.encode(bytes(_svg(t))),
            '","attributes":',
            _attributes(t, c),
            "}"
        );
    }

    /// @dev The cover and its product, read from the market and formatted.
    function _read(ICoverMarket market, uint256 tokenId)
        internal
        view
        returns (Text memory t, ICoverMarket.CoverInfo memory c)
    {
        c = market.coverInfo(tokenId);
        if (c.status == ICoverMarket.CoverStatus.None) revert CoverDescriptorUnknownCover(tokenId);
        (ICoverMarket.ProductConfig memory p,) = market.product(c.productId);
        t = _text(tokenId, c, p);
    }

    // ------------------------------------------------------------------ formatting

    function _text(uint256 tokenId, ICoverMarket.CoverInfo memory c, ICoverMarket.ProductConfig memory p)
        internal
        view
        returns (Text memory t)
    {
        t.id = tokenId.toString();
        string memory feedName = "?";
        try p.feed.description() returns (string memory d) {
            feedName = _label(d);
        } catch {}
        t.product = feedName;
        bool down = p.direction == ICoverMarket.Direction.Down;
        (t.direction, t.verb) = down ? ("Down", "falls to") : ("Up", "rises to");
        uint8 feedDecimals = 8;
        try p.feed.decimals() returns (uint8 d) {
            feedDecimals = d;
        } catch {}
        t.strike = _decimal(c.strike, feedDecimals);
        (string memory symbol, uint8 assetDecimals) = _asset(p);
        t.payout = string.concat(_decimal(c.payout, assetDecimals), " ", symbol);
        t.start = _date(c.start);
        t.end = _date(c.end);
        (t.status, t.color) = _status(c.status);
    }

    function _asset(ICoverMarket.ProductConfig memory p) internal view returns (string memory symbol, uint8 decimals) {
        symbol = "?";
        decimals = 6;
        address asset = p.pool.asset();
        try IERC20Metadata(asset).symbol() returns (string memory s) {
            symbol = _label(s);
        } catch {}
        try IERC20Metadata(asset).decimals() returns (uint8 d) {
            decimals = d;
        } catch {}
    }

    function _status(ICoverMarket.CoverStatus s) internal pure returns (string memory word, string memory color) {
        if (s == ICoverMarket.CoverStatus.Active) return ("Active", "#22c55e");
        if (s == ICoverMarket.CoverStatus.Claimed) return ("Claimed", "#38bdf8");
        if (s == ICoverMarket.CoverStatus.Expired) return ("Expired", "#94a3b8");
        return ("Released", "#94a3b8");
    }

    function _description(Text memory t) internal pure returns (string memory) {
        return string.concat(
            "Pays ",
            t.payout,
            " to the holder if the oracle confirms ",
            t.product,
            " ",
            t.verb,
            " ",
            t.strike,
            " between ",
            t.start,
            " and ",
            t.end,
            "."
        );
    }

    function _attributes(Text memory t, ICoverMarket.CoverInfo memory c) internal pure returns (string memory) {
        string memory terms = string.concat(
            '[{"trait_type":"Product","value":"',
            t.product,
            '"},{"trait_type":"Direction","value":"',
            t.direction,
            '"},{"trait_type":"Strike","value":"',
            t.strike,
            '"},{"trait_type":"Strike (feed units)","value":',
            c.strike.toString(),
            '},{"trait_type":"Payout","value":"',
            t.payout,
            '"},{"trait_type":"Payout (base units)","value":',
            c.payout.toString()
        );
        return string.concat(
            terms,
            '},{"display_type":"date","trait_type":"Start","value":',
            c.start.toString(),
            '},{"display_type":"date","trait_type":"End","value":',
            c.end.toString(),
            '},{"trait_type":"Status","value":"',
            t.status,
            '"}]'
        );
    }

    function _svg(Text memory t) internal pure returns (string memory) {
        string memory head = string.concat(
            '<svg xmlns="http://www.w3.org/2000/svg" width="400" height="260" viewBox="0 0 400 260">'
            '<rect width="400" height="260" rx="16" fill="#0f172a"/>' '<g font-family="ui-monospace,monospace" fill="#f8fafc">'
            '<text x="24" y="42" font-size="18">Backstop Cover #',
            t.id,
            '</text><text x="24" y="70" font-size="13" fill="#94a3b8">',
            t.product,
            " ",
            t.verb,
            '</text><text x="24" y="108" font-size="30">',
            t.strike
        );
        return string.concat(
            head,
            '</text><text x="24" y="146" font-size="14">Pays ',
            t.payout,
            '</text><text x="24" y="180" font-size="12" fill="#cbd5e1">From ',
            t.start,
            '</text><text x="24" y="200" font-size="12" fill="#cbd5e1">To   ',
            t.end,
            _statusPill(t),
            "</g></svg>"
        );
    }

    function _statusPill(Text memory t) internal pure returns (string memory) {
        return string.concat(
            '</text><rect x="24" y="220" width="96" height="24" rx="12" fill="',
            t.color,
            '"/><text x="72" y="237" font-size="12" text-anchor="middle" fill="#0f172a">',
            t.status,
            "</text>"
        );
    }

    /// @dev `value / 10^decimals` with thousands separators and at most two decimals, cut toward zero, trailing
    ///      zeros dropped ("2,700", "2,700.5", "0.01").
    function _decimal(uint256 value, uint8 decimals) internal pure returns (string memory) {
        uint256 unit = 10 ** uint256(decimals);
        uint256 whole = value / unit;
        uint256 cents = decimals >= 2 ? ((value % unit) * 100) / unit : 0;
        string memory s = _grouped(whole);
        if (cents == 0) return s;
        if (cents % 10 == 0) return string.concat(s, ".", (cents / 10).toString());
        return string.concat(s, cents < 10 ? ".0" : ".", cents.toString());
    }

    function _grouped(uint256 v) internal pure returns (string memory) {
        if (v < 1000) return v.toString();
        uint256 rest = v % 1000;
        return string.concat(_grouped(v / 1000), rest < 10 ? ",00" : rest < 100 ? ",0" : ",", rest.toString());
    }

    /// @dev "YYYY-MM-DD HH:MM UTC" of unix seconds `t` (proleptic Gregorian; Hinnant's days-to-civil).
    function _date(uint256 t) internal pure returns (string memory) {
        uint256 z = t / 1 days + 719_468;
        uint256 era = z / 146_097;
        uint256 doe = z - era * 146_097;
        uint256 yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
        uint256 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        uint256 mp = (5 * doy + 2) / 153;
        uint256 day = doy - (153 * mp + 2) / 5 + 1;
        uint256 month = mp < 10 ? mp + 3 : mp - 9;
        uint256 year = yoe + era * 400 + (month <= 2 ? 1 : 0);
        uint256 secondsOfDay = t % 1 days;
        return string.concat(
            year.toString(),
            "-",
            _two(month),
            "-",
            _two(day),
            " ",
            _two(secondsOfDay / 1 hours),
            ":",
            _two((secondsOfDay % 1 hours) / 1 minutes),
            " UTC"
        );
    }

    function _two(uint256 v) internal pure returns (string memory) {
        return v < 10 ? string.concat("0", v.toString()) : v.toString();
    }

    /// @dev Letters, digits, space and `/ . - _` pass; any other byte becomes `?`; at most `MAX_LABEL` bytes.
    function _label(string memory raw) internal pure returns (string memory) {
        bytes memory b = bytes(raw);
        uint256 n = b.length < MAX_LABEL ? b.length : MAX_LABEL;
        bytes memory out = new bytes(n);
        for (uint256 i; i < n; ++i) {
            bytes1 ch = b[i];
            bool safe = (ch >= "a" && ch <= "z") || (ch >= "A" && ch <= "Z") || (ch >= "0" && ch <= "9") || ch == " "
                || ch == "/" || ch == "." || ch == "-" || ch == "_";
            out[i] = safe ? ch : bytes1("?");
        }
        return n == 0 ? "?" : string(out);
    }
}

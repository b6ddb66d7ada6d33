<?php
/**
 * Plugin Name:       Venue widgets
 * Description:       AudienceView, Vista and Utick ticketing elements as shortcodes and blocks, served from your own site.
 * Version:           0.1.0
 * Requires at least: 6.1
 * Requires PHP:      7.4
 * License:           MIT
 * Text Domain:       venue-widgets
 *
 * @package VenueWidgets
 */

defined( 'ABSPATH' ) || exit;

define( 'VENUE_WIDGETS_VERSION', '0.1.0' );
define( 'VENUE_WIDGETS_FILE', __FILE__ );

require_once __DIR__ . '/includes/elements.php';
require_once __DIR__ . '/includes/settings.php';
require_once __DIR__ . '/includes/render.php';
require_once __DIR__ . '/includes/shortcodes.php';
require_once __DIR__ . '/includes/blocks.php';
require_once __DIR__ . '/includes/kses.php';

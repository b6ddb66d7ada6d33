/**
 * The block editor side of the venue-widgets blocks: WordPress's own globals, no build step.
 * Attributes are edited in the sidebar; the page itself is rendered by PHP (render_callback),
 * so the editor shows a summary card instead of the live element.
 */
( function ( blocks, element, blockEditor, components, i18n ) {
	'use strict';
	var el = element.createElement;
	var __ = i18n.__;
	var InspectorControls = blockEditor.InspectorControls;
	var InnerBlocks = blockEditor.InnerBlocks;
	var useBlockProps = blockEditor.useBlockProps;

	function field( definition, attributes, setAttributes ) {
		var value = attributes[ definition.key ];
		var set = function ( next ) {
			var change = {};
			change[ definition.key ] = next;
			setAttributes( change );
		};
		if ( definition.type === 'bool' ) {
			return el( components.ToggleControl, { key: definition.key, label: definition.label, checked: !! value, onChange: set } );
		}
		if ( definition.type === 'enum' ) {
			var options = [ { label: __( '(default)', 'venue-widgets' ), value: '' } ].concat(
				definition.choices.map( function ( choice ) {
					return { label: choice, value: choice };
				} )
			);
			return el( components.SelectControl, { key: definition.key, label: definition.label, value: value || '', options: options, onChange: set } );
		}
		return el( components.TextControl, {
			key: definition.key,
			label: definition.label,
			value: value || '',
			placeholder: definition.default || '',
			help: definition.default ? __( 'Empty: the site default shown.', 'venue-widgets' ) : undefined,
			onChange: set,
		} );
	}

	( window.venueWidgetsBlocks || [] ).forEach( function ( definition ) {
		blocks.registerBlockType( definition.name, {
			apiVersion: 2,
			title: definition.title,
			description: definition.description,
			category: 'widgets',
			icon: 'tickets-alt',
			edit: function ( props ) {
				var written = definition.fields
					.filter( function ( f ) {
						return props.attributes[ f.key ] !== undefined && props.attributes[ f.key ] !== '' && props.attributes[ f.key ] !== false;
					} )
					.map( function ( f ) {
						return f.name + ( props.attributes[ f.key ] === true ? '' : '="' + props.attributes[ f.key ] + '"' );
					} );
				return el(
					'div',
					useBlockProps( { className: 'venue-widgets-block-card' } ),
					el(
						InspectorControls,
						null,
						el( components.PanelBody, { title: __( 'Settings', 'venue-widgets' ) }, definition.fields.map( function ( f ) {
							return field( f, props.attributes, props.setAttributes );
						} ) )
					),
					el( 'strong', null, definition.title ),
					el( 'p', null, el( 'code', null, '<' + definition.tag + ( written.length ? ' ' + written.join( ' ' ) : '' ) + '>' ) ),
					definition.content ? el( InnerBlocks, null ) : null
				);
			},
			save: function () {
				return definition.content ? el( InnerBlocks.Content ) : null;
			},
		} );
	} );
}( window.wp.blocks, window.wp.element, window.wp.blockEditor, window.wp.components, window.wp.i18n ) );

/// The performance-sheet schema, `schemas/tender-performance-1.xsd`, carried in the binary so that reading a
/// sheet never depends on the repository layout. A test asserts that this text equals the file byte for byte;
/// after changing the schema, paste the file's text here and run `swift format`.
enum PerformanceSchemaText {
    static let text = #"""
        <?xml version="1.0" encoding="UTF-8"?>
        <!--
          tender-eval monthly performance sheets, version 1 (namespace urn:tender-eval:performance:1).
          XML Schema 1.0. Documented in docs/performance-sheets.md. The tender-eval binary carries an identical copy of
          this file (Sources/TenderIntake/PerformanceSheets/PerformanceSchemaText.swift); a test keeps the two
          byte-identical. The schema fixes the shape of a sheet; the values (scores, answers, items, dates inside the
          month) depend on the contract's evaluation plan and are checked by the reader with located diagnostics.
        -->
        <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"
                   xmlns:p="urn:tender-eval:performance:1"
                   targetNamespace="urn:tender-eval:performance:1"
                   elementFormDefault="qualified"
                   attributeFormDefault="unqualified">

          <!-- Text that is not empty after white space is collapsed. -->
          <xs:simpleType name="text">
            <xs:restriction base="xs:token">
              <xs:minLength value="1"/>
            </xs:restriction>
          </xs:simpleType>

          <!-- Free text of an element (a reason, a description, an answer); may be empty. -->
          <xs:simpleType name="content">
            <xs:restriction base="xs:string">
              <xs:maxLength value="10000"/>
            </xs:restriction>
          </xs:simpleType>

          <!-- The month a sheet is for. -->
          <xs:simpleType name="month">
            <xs:restriction base="xs:token">
              <xs:pattern value="[0-9]{4}-[0-9]{2}"/>
            </xs:restriction>
          </xs:simpleType>

          <!-- Every sheet names the contract (the plan's contract id) and the month it records. -->
          <xs:attributeGroup name="sheet">
            <xs:attribute name="contract" type="p:text" use="required"/>
            <xs:attribute name="month" type="p:month" use="required"/>
          </xs:attributeGroup>

          <!-- 群众测评: one response per respondent, one answer per surveyed item answered. -->
          <xs:element name="survey">
            <xs:complexType>
              <xs:sequence>
                <xs:element name="response" minOccurs="0" maxOccurs="unbounded">
                  <xs:complexType>
                    <xs:sequence>
                      <xs:element name="answer" minOccurs="0" maxOccurs="unbounded">
                        <xs:complexType>
                          <xs:simpleContent>
                            <xs:extension base="p:content">
                              <!-- A service item id or its zh or en name. -->
                              <xs:attribute name="item" type="p:text" use="required"/>
                            </xs:extension>
                          </xs:simpleContent>
                        </xs:complexType>
                      </xs:element>
                    </xs:sequence>
                    <xs:attribute name="id" type="p:text" use="required"/>
                    <!-- YYYY-MM-DD or YYYY-MM-DD HH:MM[:SS], inside the month. -->
                    <xs:attribute name="submitted" type="p:text"/>
                  </xs:complexType>
                </xs:element>
              </xs:sequence>
              <xs:attributeGroup ref="p:sheet"/>
            </xs:complexType>
          </xs:element>

          <!-- 班组推荐: one score per team; the text is the reason. -->
          <xs:element name="teams">
            <xs:complexType>
              <xs:sequence>
                <xs:element name="team" minOccurs="0" maxOccurs="unbounded">
                  <xs:complexType>
                    <xs:simpleContent>
                      <xs:extension base="p:content">
                        <xs:attribute name="name" type="p:text" use="required"/>
                        <xs:attribute name="score" type="p:text" use="required"/>
                      </xs:extension>
                    </xs:simpleContent>
                  </xs:complexType>
                </xs:element>
              </xs:sequence>
              <xs:attributeGroup ref="p:sheet"/>
            </xs:complexType>
          </xs:element>

          <!-- 科室考评: one score per department and item; the text is the reason. -->
          <xs:element name="departments">
            <xs:complexType>
              <xs:sequence>
                <xs:element name="score" minOccurs="0" maxOccurs="unbounded">
                  <xs:complexType>
                    <xs:simpleContent>
                      <xs:extension base="p:content">
                        <xs:attribute name="department" type="p:text" use="required"/>
                        <xs:attribute name="item" type="p:text" use="required"/>
                        <xs:attribute name="score" type="p:text" use="required"/>
                      </xs:extension>
                    </xs:simpleContent>
                  </xs:complexType>
                </xs:element>
              </xs:sequence>
              <xs:attributeGroup ref="p:sheet"/>
            </xs:complexType>
          </xs:element>

          <!-- 周巡查: one finding per element; the text is the description of the problem found. -->
          <xs:element name="patrol">
            <xs:complexType>
              <xs:sequence>
                <xs:element name="finding" minOccurs="0" maxOccurs="unbounded">
                  <xs:complexType>
                    <xs:simpleContent>
                      <xs:extension base="p:content">
                        <xs:attribute name="id" type="p:text" use="required"/>
                        <xs:attribute name="date" type="p:text" use="required"/>
                        <xs:attribute name="place" type="p:text" use="required"/>
                        <xs:attribute name="item" type="p:text" use="required"/>
                        <xs:attribute name="deduction" type="p:text" use="required"/>
                        <!-- A relative path to the photo file; required unless the plan says photo: optional. -->
                        <xs:attribute name="photo" type="p:text"/>
                      </xs:extension>
                    </xs:simpleContent>
                  </xs:complexType>
                </xs:element>
              </xs:sequence>
              <xs:attributeGroup ref="p:sheet"/>
            </xs:complexType>
          </xs:element>
        </xs:schema>

        """#
}
